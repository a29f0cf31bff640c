/* virt-inspector: interfaces between its parts (document building,
 * JSON conversion, XPath queries).
 */

#ifndef INSPECTOR_H
#define INSPECTOR_H

#include <libxml/tree.h>
#include <guestfs.h>

/* Inspect every root on the launched handle and return the XML document
 * as libguestfs's virt-inspector writes it (NUL-terminated, malloc'd),
 * or NULL after printing an error.  Mounts each guest read-only while
 * applications and the icon are read, and unmounts it afterwards.
 */
extern char *inspector_build_xml (guestfs_h *g, char *const *roots,
                                  int want_apps, int want_icon);

/* Print the document as JSON on stdout (schema in virt-inspector.pod). */
extern int inspector_print_json (xmlDocPtr doc);

/* Run the XPath expression over the document and print the result as
 * libguestfs does.  Returns 0 or -1 after printing an error.
 */
extern int inspector_xpath (xmlDocPtr doc, const char *expr);

#endif /* INSPECTOR_H */
