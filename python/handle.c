/* The Python binding's hand-written part (extension module
 * libguestfsmod; guestfs-py.c, generated, has one function per API
 * call): the handle object and its lifetime, what a call does around
 * the library call (GIL, one call at a time per handle, errors raised
 * as guestfs.Error with errno), argument and result conversions, and
 * event callbacks calling Python functions. */

#include "guestfs-py.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CAPSULE_NAME "guestfs.handle"

#if PY_VERSION_HEX >= 0x030D0000
#define is_finalizing() Py_IsFinalizing ()
#else
#define is_finalizing() _Py_IsFinalizing ()
#endif

struct event_cb {
  int eh;                       /* -1 while being registered */
  PyObject *cb;                 /* a reference we own */
};

struct guestfs_int_py_handle {
  guestfs_h *g;                 /* NULL once closed */
  pthread_mutex_t lock;         /* held across a call (recursive: callbacks may call) */
  unsigned busy;                /* calls in progress; changed with the GIL held */
  bool return_dict;             /* python_return_dict */
  struct event_cb *cbs;
  size_t ncbs;
};

static PyObject *Error;          /* guestfs.Error, a RuntimeError */
static PyObject *ClosedHandle;   /* guestfs.ClosedHandle, a ValueError */

static void
raise_error (const char *msg, int errnum)
{
  PyObject *m, *e, *en;

  m = guestfs_int_py_ret_str (msg);
  if (m == NULL)
    return;
  e = PyObject_CallOneArg (Error, m);
  Py_DECREF (m);
  if (e == NULL)
    return;
  en = errnum ? PyLong_FromLong (errnum) : Py_NewRef (Py_None);
  if (en == NULL || PyObject_SetAttrString (e, "errno", en) == -1) {
    Py_XDECREF (en);
    Py_DECREF (e);
    return;
  }
  Py_DECREF (en);
  PyErr_SetObject (Error, e);
  Py_DECREF (e);
}

static struct guestfs_int_py_handle *
get_handle (PyObject *o)
{
  return PyCapsule_GetPointer (o, CAPSULE_NAME);
}

static struct guestfs_int_py_handle *
open_handle (PyObject *o)
{
  struct guestfs_int_py_handle *h = get_handle (o);

  if (h && h->g == NULL) {
    PyErr_SetString (ClosedHandle, "GuestFS: method called on closed handle");
    return NULL;
  }
  return h;
}

/* ---- around each call ---- */

int
guestfs_int_py_enter (struct guestfs_int_py_call *c, const char *fn,
                      PyObject *const *args, Py_ssize_t nargs, Py_ssize_t want)
{
  memset (c, 0, sizeof *c);
  if (nargs != want) {
    PyErr_Format (PyExc_TypeError, "%s() takes %zd arguments (%zd given)",
                  fn, want, nargs);
    return -1;
  }
  c->h = open_handle (args[0]);
  if (c->h == NULL)
    return -1;
  c->g = c->h->g;
  c->h->busy++;
  return 0;
}

void
guestfs_int_py_lock (struct guestfs_int_py_call *c)
{
  pthread_mutex_lock (&c->h->lock);
  c->locked = true;
}

void
guestfs_int_py_raise (struct guestfs_int_py_call *c)
{
  const char *msg = guestfs_last_error (c->g);

  raise_error (msg ? msg : "unknown error", guestfs_last_errno (c->g));
}

void
guestfs_int_py_leave (struct guestfs_int_py_call *c)
{
  if (c->locked)
    pthread_mutex_unlock (&c->h->lock);
  c->h->busy--;
  for (size_t i = 0; i < c->nobjs; ++i)
    Py_DECREF (c->objs[i]);
  free (c->objs);
  for (size_t i = 0; i < c->nlists; ++i)
    free (c->lists[i]);
  free (c->lists);
}

/* ---- arguments ---- */

/* c keeps o (a reference it takes over) until the call ends. */
static int
keep (struct guestfs_int_py_call *c, PyObject *o)
{
  if (c->nobjs == c->aobjs) {
    size_t n = c->aobjs ? 2 * c->aobjs : 8;
    PyObject **p = realloc (c->objs, n * sizeof *p);

    if (p == NULL) {
      Py_DECREF (o);
      PyErr_NoMemory ();
      return -1;
    }
    c->objs = p;
    c->aobjs = n;
  }
  c->objs[c->nobjs++] = o;
  return 0;
}

/* str (UTF-8, surrogateescape), bytes or os.PathLike as a new bytes
 * object holding a C string. */
static PyObject *
to_bytes (PyObject *o, const char *name)
{
  PyObject *b;

  if (PyUnicode_Check (o))
    b = PyUnicode_AsEncodedString (o, "utf-8", "surrogateescape");
  else if (PyBytes_Check (o))
    b = Py_NewRef (o);
  else {
    PyObject *p = PyOS_FSPath (o);

    if (p == NULL) {
      if (PyErr_ExceptionMatches (PyExc_TypeError)) {
        PyErr_Clear ();
        PyErr_Format (PyExc_TypeError,
                      "%s: expected str, bytes or os.PathLike, not %.200s",
                      name, Py_TYPE (o)->tp_name);
      }
      return NULL;
    }
    b = to_bytes (p, name);
    Py_DECREF (p);
    return b;
  }
  if (b && strlen (PyBytes_AS_STRING (b)) != (size_t) PyBytes_GET_SIZE (b)) {
    PyErr_Format (PyExc_ValueError, "%s: embedded null character", name);
    Py_CLEAR (b);
  }
  return b;
}

int
guestfs_int_py_arg_str (struct guestfs_int_py_call *c, PyObject *o,
                        const char *name, const char **r)
{
  PyObject *b = to_bytes (o, name);

  if (b == NULL || keep (c, b) == -1)
    return -1;
  *r = PyBytes_AS_STRING (b);
  return 0;
}

int
guestfs_int_py_arg_optstr (struct guestfs_int_py_call *c, PyObject *o,
                           const char *name, const char **r)
{
  if (o == Py_None) {
    *r = NULL;
    return 0;
  }
  return guestfs_int_py_arg_str (c, o, name, r);
}

int
guestfs_int_py_arg_buf (struct guestfs_int_py_call *c, PyObject *o,
                        const char *name, const char **r, size_t *size_r)
{
  PyObject *b;

  if (PyUnicode_Check (o))
    b = PyUnicode_AsEncodedString (o, "utf-8", "surrogateescape");
  else if (PyObject_CheckBuffer (o))
    b = PyBytes_FromObject (o);
  else {
    PyErr_Format (PyExc_TypeError, "%s: expected bytes or str, not %.200s",
                  name, Py_TYPE (o)->tp_name);
    return -1;
  }
  if (b == NULL || keep (c, b) == -1)
    return -1;
  *r = PyBytes_AS_STRING (b);
  *size_r = PyBytes_GET_SIZE (b);
  return 0;
}

int
guestfs_int_py_arg_strlist (struct guestfs_int_py_call *c, PyObject *o,
                            const char *name, char ***r)
{
  PyObject *seq;
  Py_ssize_t n;
  char **list;

  if (PyUnicode_Check (o) || PyBytes_Check (o)) {
    PyErr_Format (PyExc_TypeError, "%s: expected a list of strings, not a string",
                  name);
    return -1;
  }
  seq = PySequence_Fast (o, "expected a list of strings");
  if (seq == NULL) {
    if (PyErr_ExceptionMatches (PyExc_TypeError)) {
      PyErr_Clear ();
      PyErr_Format (PyExc_TypeError, "%s: expected a list of strings, not %.200s",
                    name, Py_TYPE (o)->tp_name);
    }
    return -1;
  }
  n = PySequence_Fast_GET_SIZE (seq);
  if (c->nlists == c->alists) {
    size_t na = c->alists ? 2 * c->alists : 2;
    char ***p = realloc (c->lists, na * sizeof *p);

    if (p == NULL)
      goto nomem;
    c->lists = p;
    c->alists = na;
  }
  list = malloc ((n + 1) * sizeof *list);
  if (list == NULL)
    goto nomem;
  c->lists[c->nlists++] = list;
  for (Py_ssize_t i = 0; i < n; ++i) {
    PyObject *b = to_bytes (PySequence_Fast_GET_ITEM (seq, i), name);

    if (b == NULL || keep (c, b) == -1) {
      Py_DECREF (seq);
      return -1;
    }
    list[i] = PyBytes_AS_STRING (b);
  }
  list[n] = NULL;
  Py_DECREF (seq);
  *r = list;
  return 0;

 nomem:
  Py_DECREF (seq);
  PyErr_NoMemory ();
  return -1;
}

static int
check_index (PyObject *o, const char *name)
{
  if (!PyIndex_Check (o)) {
    PyErr_Format (PyExc_TypeError, "%s: expected int, not %.200s",
                  name, Py_TYPE (o)->tp_name);
    return -1;
  }
  return 0;
}

int
guestfs_int_py_arg_int (PyObject *o, const char *name, int *r)
{
  long v;

  if (check_index (o, name) == -1)
    return -1;
  v = PyLong_AsLong (o);
  if (v == -1 && PyErr_Occurred ())
    return -1;
  if (v < INT_MIN || v > INT_MAX) {
    PyErr_Format (PyExc_OverflowError, "%s: %ld does not fit in a C int", name, v);
    return -1;
  }
  *r = (int) v;
  return 0;
}

int
guestfs_int_py_arg_int64 (PyObject *o, const char *name, int64_t *r)
{
  long long v;

  if (check_index (o, name) == -1)
    return -1;
  v = PyLong_AsLongLong (o);
  if (v == -1 && PyErr_Occurred ())
    return -1;
  *r = v;
  return 0;
}

int
guestfs_int_py_arg_bool (PyObject *o, const char *name, int *r)
{
  int v;

  if (guestfs_int_py_arg_int (o, name, &v) == -1)
    return -1;
  *r = v != 0;
  return 0;
}

/* ---- results ---- */

PyObject *
guestfs_int_py_ret_str (const char *s)
{
  if (s == NULL)
    return Py_NewRef (Py_None);
  return PyUnicode_DecodeUTF8 (s, strlen (s), "surrogateescape");
}

PyObject *
guestfs_int_py_ret_strsize (const char *s, size_t n)
{
  return PyUnicode_DecodeUTF8 (s, n, "surrogateescape");
}

PyObject *
guestfs_int_py_ret_percent (float f)
{
  if (f < 0)
    return Py_NewRef (Py_None);
  return PyFloat_FromDouble (f);
}

static void
free_strings (char **r)
{
  for (size_t i = 0; r[i]; ++i)
    free (r[i]);
  free (r);
}

PyObject *
guestfs_int_py_ret_strlist (char **r)
{
  size_t n = 0;
  PyObject *list;

  while (r[n])
    n++;
  list = PyList_New (n);
  for (size_t i = 0; list && i < n; ++i) {
    PyObject *s = guestfs_int_py_ret_str (r[i]);

    if (s == NULL)
      Py_CLEAR (list);
    else
      PyList_SET_ITEM (list, i, s);
  }
  free_strings (r);
  return list;
}

PyObject *
guestfs_int_py_ret_table (struct guestfs_int_py_call *c, char **r)
{
  size_t n = 0;
  PyObject *res;

  while (r[n] && r[n + 1])
    n += 2;
  res = c->h->return_dict ? PyDict_New () : PyList_New (n / 2);
  for (size_t i = 0; res && i < n; i += 2) {
    PyObject *k = guestfs_int_py_ret_str (r[i]);
    PyObject *v = guestfs_int_py_ret_str (r[i + 1]);
    PyObject *t = NULL;
    int ok;

    if (k == NULL || v == NULL)
      ok = 0;
    else if (c->h->return_dict)
      ok = PyDict_SetItem (res, k, v) == 0;
    else {
      t = PyTuple_Pack (2, k, v);
      ok = t != NULL;
      if (ok)
        PyList_SET_ITEM (res, i / 2, t);
    }
    Py_XDECREF (k);
    Py_XDECREF (v);
    if (!ok)
      Py_CLEAR (res);
  }
  free_strings (r);
  return res;
}

int
guestfs_int_py_dict_add (PyObject *d, const char *key, PyObject *v)
{
  int r;

  if (v == NULL)
    return -1;
  r = PyDict_SetItemString (d, key, v);
  Py_DECREF (v);
  return r;
}

/* ---- the handle ---- */

static void
close_handle (struct guestfs_int_py_handle *h, bool release_gil)
{
  guestfs_h *g = h->g;

  /* Closed from here on, also for the close callbacks. */
  h->g = NULL;
  if (release_gil) {
    Py_BEGIN_ALLOW_THREADS
    guestfs_close (g);
    Py_END_ALLOW_THREADS
  }
  else
    guestfs_close (g);
  for (size_t i = 0; i < h->ncbs; ++i)
    Py_DECREF (h->cbs[i].cb);
  free (h->cbs);
  h->cbs = NULL;
  h->ncbs = 0;
}

/* The capsule's destructor: the handle is closed when the last
 * reference to it goes. */
static void
destroy_handle (PyObject *cap)
{
  struct guestfs_int_py_handle *h = PyCapsule_GetPointer (cap, CAPSULE_NAME);

  if (h == NULL) {
    PyErr_Clear ();
    return;
  }
  if (h->g)
    close_handle (h, !is_finalizing ());
  pthread_mutex_destroy (&h->lock);
  free (h);
}

static PyObject *
py_create (PyObject *self, PyObject *args)
{
  unsigned flags;
  int return_dict = 0;
  struct guestfs_int_py_handle *h;
  pthread_mutexattr_t attr;
  PyObject *cap;

  if (!PyArg_ParseTuple (args, "I|p:create", &flags, &return_dict))
    return NULL;
  h = calloc (1, sizeof *h);
  if (h == NULL)
    return PyErr_NoMemory ();
  h->g = guestfs_create_flags (flags);
  if (h->g == NULL) {
    free (h);
    raise_error ("guestfs.create: failed to allocate handle", errno);
    return NULL;
  }
  /* Errors are raised, not printed. */
  guestfs_set_error_handler (h->g, NULL, NULL);
  h->return_dict = return_dict;
  pthread_mutexattr_init (&attr);
  pthread_mutexattr_settype (&attr, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init (&h->lock, &attr);
  pthread_mutexattr_destroy (&attr);
  cap = PyCapsule_New (h, CAPSULE_NAME, destroy_handle);
  if (cap == NULL) {
    guestfs_close (h->g);
    pthread_mutex_destroy (&h->lock);
    free (h);
  }
  return cap;
}

static PyObject *
py_close (PyObject *self, PyObject *args)
{
  PyObject *o;
  struct guestfs_int_py_handle *h;

  if (!PyArg_ParseTuple (args, "O:close", &o) || (h = open_handle (o)) == NULL)
    return NULL;
  if (h->busy) {
    raise_error ("close: the handle is in use by an event callback or another thread",
                 EBUSY);
    return NULL;
  }
  close_handle (h, true);
  Py_RETURN_NONE;
}

static PyObject *
py_is_closed (PyObject *self, PyObject *args)
{
  PyObject *o;
  struct guestfs_int_py_handle *h;

  if (!PyArg_ParseTuple (args, "O:is_closed", &o) || (h = get_handle (o)) == NULL)
    return NULL;
  return PyBool_FromLong (h->g == NULL);
}

static PyObject *
py_user_cancel (PyObject *self, PyObject *args)
{
  PyObject *o;
  struct guestfs_int_py_handle *h;

  if (!PyArg_ParseTuple (args, "O:user_cancel", &o) || (h = open_handle (o)) == NULL)
    return NULL;
  /* Only sets a flag: no lock, so it works while a call runs. */
  guestfs_user_cancel (h->g);
  Py_RETURN_NONE;
}

/* ---- events ---- */

static void
event_cb (guestfs_h *g, void *opaque, uint64_t event, int eh, int flags,
          const char *buf, size_t buf_len, const uint64_t *array, size_t array_len)
{
  PyObject *cb = opaque, *arr, *args, *r = NULL;
  PyObject *et, *ev, *etb;
  PyGILState_STATE st;

  /* Handles closed at exit (close_on_exit) after Python is gone. */
  if (!Py_IsInitialized () || is_finalizing ())
    return;
  st = PyGILState_Ensure ();
  PyErr_Fetch (&et, &ev, &etb);
  /* The callback may delete itself. */
  Py_INCREF (cb);
  arr = PyList_New (array_len);
  for (size_t i = 0; arr && i < array_len; ++i) {
    PyObject *v = PyLong_FromUnsignedLongLong (array[i]);

    if (v == NULL)
      Py_CLEAR (arr);
    else
      PyList_SET_ITEM (arr, i, v);
  }
  args = arr ? Py_BuildValue ("(Kiy#O)", (unsigned long long) event, eh,
                              buf ? buf : "", (Py_ssize_t) buf_len, arr) : NULL;
  Py_XDECREF (arr);
  if (args) {
    r = PyObject_Call (cb, args, NULL);
    Py_DECREF (args);
  }
  if (r == NULL)
    /* Reported (sys.unraisablehook), never propagated into the library. */
    PyErr_WriteUnraisable (cb);
  Py_XDECREF (r);
  Py_DECREF (cb);
  PyErr_Restore (et, ev, etb);
  PyGILState_Release (st);
}

static PyObject *
py_set_event_callback (PyObject *self, PyObject *args)
{
  PyObject *o, *cb;
  unsigned long long mask;
  struct guestfs_int_py_call c;
  struct guestfs_int_py_handle *h;
  struct event_cb *p;
  size_t slot;
  int eh;

  if (!PyArg_ParseTuple (args, "OOK:set_event_callback", &o, &cb, &mask))
    return NULL;
  if (!PyCallable_Check (cb)) {
    PyErr_SetString (PyExc_TypeError,
                     "callback parameter is not callable (eg. lambda or function)");
    return NULL;
  }
  if (guestfs_int_py_enter (&c, "set_event_callback", &o, 1, 1) == -1)
    return NULL;
  h = c.h;
  /* Owned before the library can call it. */
  p = realloc (h->cbs, (h->ncbs + 1) * sizeof *p);
  if (p == NULL) {
    guestfs_int_py_leave (&c);
    return PyErr_NoMemory ();
  }
  h->cbs = p;
  slot = h->ncbs++;
  h->cbs[slot] = (struct event_cb) { .eh = -1, .cb = Py_NewRef (cb) };

  Py_BEGIN_ALLOW_THREADS
  guestfs_int_py_lock (&c);
  eh = guestfs_set_event_callback (c.g, event_cb, mask, 0, cb);
  Py_END_ALLOW_THREADS
  /* Entries are only removed with the lock held: slot is still ours. */
  if (eh == -1) {
    guestfs_int_py_raise (&c);
    memmove (&h->cbs[slot], &h->cbs[slot + 1], (h->ncbs - slot - 1) * sizeof *p);
    h->ncbs--;
    Py_DECREF (cb);
    guestfs_int_py_leave (&c);
    return NULL;
  }
  h->cbs[slot].eh = eh;
  guestfs_int_py_leave (&c);
  return PyLong_FromLong (eh);
}

static PyObject *
py_delete_event_callback (PyObject *self, PyObject *args)
{
  PyObject *o;
  int eh;
  struct guestfs_int_py_call c;
  struct guestfs_int_py_handle *h;

  if (!PyArg_ParseTuple (args, "Oi:delete_event_callback", &o, &eh))
    return NULL;
  if (guestfs_int_py_enter (&c, "delete_event_callback", &o, 1, 1) == -1)
    return NULL;
  h = c.h;
  Py_BEGIN_ALLOW_THREADS
  guestfs_int_py_lock (&c);
  Py_END_ALLOW_THREADS
  for (size_t i = 0; eh >= 0 && i < h->ncbs; ++i)
    if (h->cbs[i].eh == eh) {
      PyObject *cb = h->cbs[i].cb;

      guestfs_delete_event_callback (c.g, eh);
      memmove (&h->cbs[i], &h->cbs[i + 1], (h->ncbs - i - 1) * sizeof h->cbs[0]);
      h->ncbs--;
      Py_DECREF (cb);
      break;
    }
  guestfs_int_py_leave (&c);
  Py_RETURN_NONE;
}

static PyObject *
py_event_to_string (PyObject *self, PyObject *args)
{
  unsigned long long events;
  char *s;
  PyObject *r;

  if (!PyArg_ParseTuple (args, "K:event_to_string", &events))
    return NULL;
  s = guestfs_event_to_string (events);
  if (s == NULL)
    return PyErr_NoMemory ();
  r = guestfs_int_py_ret_str (s);
  free (s);
  return r;
}

/* ---- the module ---- */

static PyMethodDef handle_methods[] = {
  { "create", py_create, METH_VARARGS, NULL },
  { "close", py_close, METH_VARARGS, NULL },
  { "is_closed", py_is_closed, METH_VARARGS, NULL },
  { "user_cancel", py_user_cancel, METH_VARARGS, NULL },
  { "set_event_callback", py_set_event_callback, METH_VARARGS, NULL },
  { "delete_event_callback", py_delete_event_callback, METH_VARARGS, NULL },
  { "event_to_string", py_event_to_string, METH_VARARGS, NULL },
  { NULL, NULL, 0, NULL }
};

static struct PyModuleDef moduledef = {
  PyModuleDef_HEAD_INIT,
  .m_name = "libguestfsmod",
  .m_doc = "The C part of the guestfs module (use guestfs, not this).",
  .m_size = -1,
  .m_methods = handle_methods,
};

/* The one exported symbol; CPython fixes its name. */
PyMODINIT_FUNC
PyInit_libguestfsmod (void)
{
  PyObject *m, *dict;

  m = PyModule_Create (&moduledef);
  if (m == NULL)
    return NULL;
  if (PyModule_AddFunctions (m, guestfs_int_py_call_methods) == -1)
    goto err;
  dict = Py_BuildValue ("{s:O}", "errno", Py_None);
  if (dict == NULL)
    goto err;
  Py_XDECREF (Error);
  Error = PyErr_NewExceptionWithDoc ("guestfs.Error",
                                     "An error from libguestfs: str() is the message, "
                                     "errno the error number (None if unknown).",
                                     PyExc_RuntimeError, dict);
  Py_DECREF (dict);
  Py_XDECREF (ClosedHandle);
  ClosedHandle = PyErr_NewExceptionWithDoc ("guestfs.ClosedHandle",
                                            "A method was called on a closed handle.",
                                            PyExc_ValueError, NULL);
  if (Error == NULL || ClosedHandle == NULL ||
      PyModule_AddObjectRef (m, "Error", Error) == -1 ||
      PyModule_AddObjectRef (m, "ClosedHandle", ClosedHandle) == -1 ||
      PyModule_AddIntMacro (m, GUESTFS_CREATE_NO_ENVIRONMENT) == -1 ||
      PyModule_AddIntMacro (m, GUESTFS_CREATE_NO_CLOSE_ON_EXIT) == -1)
    goto err;
  return m;

 err:
  Py_DECREF (m);
  return NULL;
}
