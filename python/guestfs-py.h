/* The Python binding (extension module libguestfsmod): what the
 * generated call functions (guestfs-py.c) share with handle.c, which
 * holds the handle object, the argument and result conversions, errors
 * and events.  Python.h comes first, as CPython requires. */

#ifndef GUESTFS_PY_H_
#define GUESTFS_PY_H_

#define PY_SSIZE_T_CLEAN 1
#include <Python.h>

#include <stdbool.h>
#include <stddef.h>

#include "guestfs.h"

struct guestfs_int_py_handle;

/* One call in progress: the handle, and what the converted arguments
 * hold (bytes objects owning the strings, malloc'd string arrays),
 * released by guestfs_int_py_leave. */
struct guestfs_int_py_call {
  struct guestfs_int_py_handle *h;
  guestfs_h *g;
  bool locked;
  PyObject **objs;
  size_t nobjs, aobjs;
  char ***lists;
  size_t nlists, alists;
};

/* args[0] is the handle object; want is the number of arguments.
 * Returns -1 with a Python exception set (ClosedHandle on a closed
 * handle). */
extern int guestfs_int_py_enter (struct guestfs_int_py_call *c, const char *fn,
                                 PyObject *const *args, Py_ssize_t nargs,
                                 Py_ssize_t want);
/* Called with the GIL released, just before the library call: one call
 * at a time per handle, so the error read afterwards is this call's. */
extern void guestfs_int_py_lock (struct guestfs_int_py_call *c);
/* Raises guestfs.Error with the handle's last error and errno. */
extern void guestfs_int_py_raise (struct guestfs_int_py_call *c);
extern void guestfs_int_py_leave (struct guestfs_int_py_call *c);

/* Argument conversions; name is the argument's name for messages.
 * Each returns 0, or -1 with a Python exception set. */
extern int guestfs_int_py_arg_str (struct guestfs_int_py_call *c, PyObject *o,
                                   const char *name, const char **r);
extern int guestfs_int_py_arg_optstr (struct guestfs_int_py_call *c, PyObject *o,
                                      const char *name, const char **r);
extern int guestfs_int_py_arg_buf (struct guestfs_int_py_call *c, PyObject *o,
                                   const char *name, const char **r, size_t *size_r);
extern int guestfs_int_py_arg_strlist (struct guestfs_int_py_call *c, PyObject *o,
                                       const char *name, char ***r);
extern int guestfs_int_py_arg_int (PyObject *o, const char *name, int *r);
extern int guestfs_int_py_arg_int64 (PyObject *o, const char *name, int64_t *r);
extern int guestfs_int_py_arg_bool (PyObject *o, const char *name, int *r);

/* Result conversions (new references, NULL with an exception set).
 * Strings are decoded as UTF-8 with surrogateescape, so bytes that are
 * not UTF-8 survive a round trip back into the API.  The list and table
 * forms free the array they are given. */
extern PyObject *guestfs_int_py_ret_str (const char *s);
extern PyObject *guestfs_int_py_ret_strsize (const char *s, size_t n);
extern PyObject *guestfs_int_py_ret_percent (float f);
extern PyObject *guestfs_int_py_ret_strlist (char **r);
extern PyObject *guestfs_int_py_ret_table (struct guestfs_int_py_call *c, char **r);
/* Sets d[key] = v, stealing v; -1 if v is NULL or on error. */
extern int guestfs_int_py_dict_add (PyObject *d, const char *key, PyObject *v);

/* The generated call functions (guestfs-py.c). */
extern PyMethodDef guestfs_int_py_call_methods[];

#endif /* GUESTFS_PY_H_ */
