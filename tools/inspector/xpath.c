/* virt-inspector --xpath: evaluate an XPath expression over the
 * document and print the result the way libguestfs's virt-inspector
 * does: each node of a node set serialised on its own line (an
 * attribute as ` name="value"'), any other result as its string value.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "inspector.h"

static int
print_nodes (xmlDocPtr doc, xmlNodeSetPtr nodes)
{
  xmlBufferPtr buf;
  int i;

  if (nodes == NULL)
    return 0;
  for (i = 0; i < nodes->nodeNr; ++i) {
    buf = xmlBufferCreate ();
    if (buf == NULL || xmlNodeDump (buf, doc, nodes->nodeTab[i], 0, 1) == -1) {
      fprintf (stderr, "virt-inspector: could not serialise the XPath result\n");
      xmlBufferFree (buf);
      return -1;
    }
    printf ("%s\n", (const char *) xmlBufferContent (buf));
    xmlBufferFree (buf);
  }
  return 0;
}

int
inspector_xpath (xmlDocPtr doc, const char *expr)
{
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr obj;
  xmlChar *str;
  int r = 0;

  if (ctx == NULL) {
    fprintf (stderr, "virt-inspector: unable to create new XPath context\n");
    return -1;
  }
  obj = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  if (obj == NULL) {
    fprintf (stderr, "virt-inspector: unable to evaluate XPath expression\n");
    xmlXPathFreeContext (ctx);
    return -1;
  }

  if (obj->type == XPATH_NODESET)
    r = print_nodes (doc, obj->nodesetval);
  else {
    str = xmlXPathCastToString (obj);
    if (str == NULL) {
      fprintf (stderr, "virt-inspector: unsupported XPath result\n");
      r = -1;
    }
    else
      printf ("%s\n", (const char *) str);
    xmlFree (str);
  }

  xmlXPathFreeObject (obj);
  xmlXPathFreeContext (ctx);
  return r;
}
