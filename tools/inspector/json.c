/* virt-inspector --json: the same content as the XML document, as JSON
 * (json-c).  The mapping, documented in virt-inspector.pod, is
 * mechanical so that a consumer can switch formats by renaming nothing:
 *
 *  - the list elements (operatingsystems, mountpoints, filesystems,
 *    drive_mappings, applications) become arrays of their children;
 *  - an element with child elements or attributes becomes an object:
 *    attributes and child elements are its members, and its own text,
 *    if any, goes in a member named like the element
 *    (<mountpoint dev="/dev/sda1">/boot</mountpoint> becomes
 *    {"dev": "/dev/sda1", "mountpoint": "/boot"});
 *  - an element holding only text becomes a string, or a number for
 *    major_version, minor_version and epoch;
 *  - an empty element (<live/>, <netinst/>, <multipart/>) becomes true;
 *  - the icon's base64 text is kept, without its line breaks.
 */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>
#include <libxml/tree.h>

#include "inspector.h"
#include "json-print.h"

static const char *const list_elements[] = {
  "operatingsystems", "mountpoints", "filesystems", "drive_mappings",
  "applications", NULL
};

static const char *const number_elements[] = {
  "major_version", "minor_version", "epoch", NULL
};

static int
in_list (const char *const *list, const xmlChar *name)
{
  size_t i;

  for (i = 0; list[i] != NULL; ++i)
    if (xmlStrEqual (BAD_CAST list[i], name))
      return 1;
  return 0;
}

static int
has_child_elements (xmlNodePtr node)
{
  xmlNodePtr c;

  for (c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return 1;
  return 0;
}

/* The element's text with base64 line breaks removed for the icon. */
static json_object *
text_value (xmlNodePtr node)
{
  xmlChar *text = xmlNodeGetContent (node);
  json_object *r;

  if (text == NULL)
    text = xmlStrdup (BAD_CAST "");
  if (xmlStrEqual (node->name, BAD_CAST "icon")) {
    xmlChar *p, *q;

    for (p = q = text; *p; ++p)
      if (*p != '\n' && *p != '\r' && *p != ' ')
        *q++ = *p;
    *q = '\0';
  }
  if (in_list (number_elements, node->name)) {
    char *end;
    long long v = strtoll ((const char *) text, &end, 10);

    if (end != (char *) text && *end == '\0') {
      xmlFree (text);
      return json_object_new_int64 (v);
    }
  }
  r = json_object_new_string ((const char *) text);
  xmlFree (text);
  return r;
}

static json_object *
convert (xmlNodePtr node)
{
  json_object *obj;
  xmlNodePtr c;
  xmlAttrPtr a;

  if (in_list (list_elements, node->name)) {
    json_object *arr = json_object_new_array ();

    for (c = node->children; c != NULL; c = c->next)
      if (c->type == XML_ELEMENT_NODE)
        json_object_array_add (arr, convert (c));
    return arr;
  }

  if (node->properties == NULL && !has_child_elements (node)) {
    if (node->children == NULL)
      return json_object_new_boolean (1);
    return text_value (node);
  }

  obj = json_object_new_object ();
  for (a = node->properties; a != NULL; a = a->next) {
    xmlChar *v = xmlNodeGetContent ((xmlNodePtr) a);

    json_object_object_add (obj, (const char *) a->name,
                            json_object_new_string (v ? (char *) v : ""));
    xmlFree (v);
  }
  if (has_child_elements (node)) {
    for (c = node->children; c != NULL; c = c->next)
      if (c->type == XML_ELEMENT_NODE)
        json_object_object_add (obj, (const char *) c->name, convert (c));
  }
  else if (node->children != NULL)
    json_object_object_add (obj, (const char *) node->name,
                            text_value (node));
  return obj;
}

int
inspector_print_json (xmlDocPtr doc)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);
  json_object *top;

  if (root == NULL) {
    fprintf (stderr, "virt-inspector: empty XML document\n");
    return -1;
  }
  top = json_object_new_object ();
  json_object_object_add (top, (const char *) root->name, convert (root));
  tools_json_print (top);
  return 0;
}
