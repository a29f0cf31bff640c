"""Writes common/errnostring.[ch]: errno numbers to names and back.  errno
travels over the protocol by name because the appliance's numbers need
not match the host's."""

from .cdecl import banner

ERRNOS = """E2BIG EACCES EADDRINUSE EADDRNOTAVAIL EAFNOSUPPORT EAGAIN EALREADY
EBADE EBADF EBADFD EBADMSG EBADR EBADRQC EBADSLT EBUSY ECANCELED ECHILD ECHRNG
ECOMM ECONNABORTED ECONNREFUSED ECONNRESET EDEADLK EDESTADDRREQ EDOM EDQUOT
EEXIST EFAULT EFBIG EHOSTDOWN EHOSTUNREACH EIDRM EILSEQ EINPROGRESS EINTR
EINVAL EIO EISCONN EISDIR EISNAM EKEYEXPIRED EKEYREJECTED EKEYREVOKED EL2HLT
EL2NSYNC EL3HLT EL3RST ELIBACC ELIBBAD ELIBEXEC ELIBMAX ELIBSCN ELNRANGE ELOOP
EMEDIUMTYPE EMFILE EMLINK EMSGSIZE EMULTIHOP ENAMETOOLONG ENETDOWN ENETRESET
ENETUNREACH ENFILE ENOBUFS ENODATA ENODEV ENOENT ENOEXEC ENOKEY ENOLCK ENOLINK
ENOMEDIUM ENOMEM ENOMSG ENONET ENOPKG ENOPROTOOPT ENOSPC ENOSR ENOSTR ENOSYS
ENOTBLK ENOTCONN ENOTDIR ENOTEMPTY ENOTRECOVERABLE ENOTSOCK ENOTSUP ENOTTY
ENOTUNIQ ENXIO EOVERFLOW EOWNERDEAD EPERM EPFNOSUPPORT EPIPE EPROTO
EPROTONOSUPPORT EPROTOTYPE ERANGE EREMCHG EREMOTE EREMOTEIO ERESTART EROFS
ESHUTDOWN ESOCKTNOSUPPORT ESPIPE ESRCH ESTALE ESTRPIPE ETIME ETIMEDOUT
ETOOMANYREFS ETXTBSY EUCLEAN EUNATCH EUSERS EXDEV EXFULL""".split()


def generate():
    h = (banner("c") +
         "#ifndef GUESTFS_ERRNOSTRING_H_\n#define GUESTFS_ERRNOSTRING_H_\n\n"
         "/* Name of errno value e (\"ENOENT\"), or NULL if unknown. */\n"
         "extern const char *guestfs_int_errno_to_string (int e);\n\n"
         "/* errno value for a name; EINVAL for unknown names. */\n"
         "extern int guestfs_int_string_to_errno (const char *s);\n\n#endif\n")
    c = [banner("c"), "#include <config.h>\n#include <errno.h>\n#include <string.h>\n\n"
         "#include \"errnostring.h\"\n\n"
         "static const struct { const char *name; int value; } errnos[] = {\n"]
    for e in ERRNOS:
        c.append("#ifdef %s\n  { \"%s\", %s },\n#endif\n" % (e, e, e))
    c.append("};\n\n")
    c.append("""const char *
guestfs_int_errno_to_string (int e)
{
  for (size_t i = 0; i < sizeof errnos / sizeof errnos[0]; ++i)
    if (errnos[i].value == e)
      return errnos[i].name;
  return NULL;
}

int
guestfs_int_string_to_errno (const char *s)
{
  for (size_t i = 0; i < sizeof errnos / sizeof errnos[0]; ++i)
    if (strcmp (errnos[i].name, s) == 0)
      return errnos[i].value;
  return EINVAL;
}
""")
    return {"common/errnostring.h": h, "common/errnostring.c": "".join(c)}
