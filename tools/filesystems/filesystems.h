/* virt-filesystems: what the option parsing (filesystems.c), the
 * listings (list.c) and the output table (table.c) share.
 */

#ifndef VIRT_FILESYSTEMS_H
#define VIRT_FILESYSTEMS_H

#include <stddef.h>
#include <stdint.h>

/* What to list. */
#define FS_OUT_FILESYSTEMS        1
#define FS_OUT_FILESYSTEMS_EXTRA  2
#define FS_OUT_PARTITIONS         4
#define FS_OUT_BLOCKDEVS          8
#define FS_OUT_LVS               16
#define FS_OUT_VGS               32
#define FS_OUT_PVS               64

/* Columns shown. */
#define FS_COL_NAME      1
#define FS_COL_TYPE      2
#define FS_COL_VFS_TYPE  4
#define FS_COL_VFS_LABEL 8
#define FS_COL_MBR      16
#define FS_COL_SIZE     32
#define FS_COL_PARENTS  64
#define FS_COL_UUID    128
#define FS_NR_COLUMNS    8

struct fs_options {
  int output, columns;
  int csv, json, human, title;
};
extern struct fs_options fs_opts;

/* list.c: one listing each, in libguestfs's order. */
extern void fs_list_filesystems (void);
extern void fs_list_lvs (void);
extern void fs_list_vgs (void);
extern void fs_list_pvs (void);
extern void fs_list_partitions (void);
extern void fs_list_blockdevs (void);

/* list.c: a row, keeping only the shown columns.  MBR_ID < 0 and
 * SIZE < 0 mean none; PARENTS is comma-joined.
 */
extern void fs_row (const char *name, const char *type, const char *vfs,
                    const char *label, int mbr_id, int64_t size,
                    char **parents, const char *uuid);

/* json.c: the same row as a JSON object; the document, at the end. */
extern void fs_json_row (const char *name, const char *type, const char *vfs,
                         const char *label, int mbr_id, int64_t size,
                         char **parents, const char *uuid);
extern void fs_json_print (void);

/* table.c: add a row of N cells (NULL = no value); print the text table. */
extern void fs_table_row (const char *const *cells, size_t n);
extern void fs_table_print (void);

#endif /* VIRT_FILESYSTEMS_H */
