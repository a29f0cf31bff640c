"""Writes common/guestfs_protocol.x: the XDR description of every message
between the library and the daemon (compiled with rpcgen)."""

from . import api
from .cdecl import banner, field_xdr


def _arg_xdr(a):
    k = a.kind
    if k == "OptString":
        return "guestfs_str *%s" % a.name
    if a.is_string:
        return "string %s<>" % a.name
    if k in ("StringList", "DeviceList"):
        return "guestfs_str %s<>" % a.name
    if k == "Int":
        return "int %s" % a.name
    if k == "Int64":
        return "hyper %s" % a.name
    if k == "Bool":
        return "bool %s" % a.name
    if k == "BufferIn":
        return "opaque %s<>" % a.name
    raise ValueError(k)


def _optarg_xdr(o):
    return {"OBool": "bool %s", "OInt": "int %s", "OInt64": "hyper %s",
            "OString": "string %s<>", "OStringList": "guestfs_str %s<>"}[o.kind] % o.name


def ret_xdr(r):
    k = r.kind
    if k == "RErr":
        return None
    return {"RInt": "int r", "RInt64": "hyper r", "RBool": "bool r",
            "RString": "string r<>", "RConstOptString": "string r<>",
            "RStringList": "guestfs_str r<>", "RHashtable": "guestfs_str r<>",
            "RBufferOut": "opaque r<>",
            "RStruct": "guestfs_int_%s r" % r.struct,
            "RStructList": "guestfs_int_%s_list r" % r.struct}[k]


def generate():
    o = [banner("c", "XDR protocol between libguestfs (guestkit) and guestfsd.")]
    o.append("%#include <stdint.h>\n\n")
    o.append("typedef string guestfs_str<>;\n\n")

    for s in api.STRUCTS:
        o.append("struct guestfs_int_%s {\n" % s.name)
        for f in s.fields:
            o.append("  %s;\n" % field_xdr(f))
        o.append("};\n")
        o.append("typedef struct guestfs_int_%s guestfs_int_%s_list<>;\n\n"
                 % (s.name, s.name))

    for c in api.DAEMON_CALLS:
        wire = c.wire_args
        if wire or c.optargs:
            o.append("struct guestfs_%s_args {\n" % c.name)
            for a in wire:
                o.append("  %s;\n" % _arg_xdr(a))
            for opt in c.optargs:
                o.append("  %s;\n" % _optarg_xdr(opt))
            o.append("};\n\n")
        r = ret_xdr(c.ret)
        if r:
            o.append("struct guestfs_%s_ret {\n  %s;\n};\n\n" % (c.name, r))

    o.append("enum guestfs_procedure {\n")
    o.append(",\n".join("  GUESTFS_PROC_%s = %d" % (c.name.upper(), c.proc)
                        for c in api.DAEMON_CALLS))
    o.append("\n};\n\n")

    o.append("""const GUESTFS_PROGRAM = 0x%X;
const GUESTFS_PROTOCOL_VERSION = %d;
const GUESTFS_MESSAGE_MAX = %d;
const GUESTFS_STREAM_MAX = %d;
const GUESTFS_MAX_CHUNK_SIZE = %d;
const GUESTFS_ERROR_LEN = %d;
const GUESTFS_LAUNCH_FLAG = 0x%x;
const GUESTFS_CANCEL_FLAG = 0x%x;
const GUESTFS_PROGRESS_FLAG = 0x%x;
const GUESTFS_MAX_PROC_NR = %d;

enum guestfs_message_direction {
  GUESTFS_DIRECTION_CALL = 0,
  GUESTFS_DIRECTION_REPLY = 1
};

/* STREAM: the body (call args or reply ret) follows as a chunk stream
 * instead of inside this message, because it exceeds GUESTFS_MESSAGE_MAX. */
enum guestfs_message_status {
  GUESTFS_STATUS_OK = 0,
  GUESTFS_STATUS_ERROR = 1,
  GUESTFS_STATUS_STREAM = 2
};

struct guestfs_message_error {
  string errno_string<32>;
  string error_message<GUESTFS_ERROR_LEN>;
};

struct guestfs_message_header {
  unsigned prog;
  unsigned vers;
  guestfs_procedure proc;
  guestfs_message_direction direction;
  unsigned serial;
  unsigned hyper progress_hint;
  unsigned hyper optargs_bitmask;
  guestfs_message_status status;
};

/* cancel: DATA, CANCEL (the sender gives up), or DISK.  A DISK chunk
 * replaces a whole FileIn stream: its data is a guestfs_chunk_disk
 * naming the read-only disk the library plugged in for the transfer, and
 * no chunk follows it (the library may still write CANCEL_FLAG). */
const GUESTFS_CHUNK_DATA = 0;
const GUESTFS_CHUNK_CANCEL = 1;
const GUESTFS_CHUNK_DISK = 2;

struct guestfs_chunk {
  int cancel;
  opaque data<GUESTFS_MAX_CHUNK_SIZE>;
};

struct guestfs_chunk_disk {
  unsigned target;              /* SCSI target of the disk */
  unsigned hyper size;          /* bytes of the file, from offset 0 */
};

struct guestfs_progress {
  guestfs_procedure proc;
  unsigned serial;
  unsigned hyper position;
  unsigned hyper total;
};
""" % (api.PROGRAM, api.PROTOCOL_VERSION, api.MESSAGE_MAX, api.STREAM_MAX,
       api.CHUNK_SIZE, api.ERROR_LEN, api.LAUNCH_FLAG, api.CANCEL_FLAG,
       api.PROGRESS_FLAG, max(c.proc for c in api.DAEMON_CALLS)))
    return {"common/guestfs_protocol.x": "".join(o)}
