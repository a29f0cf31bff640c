"""hivex: reading and editing Windows registry hive files.

The tests use tests/data/minimal.hive (made by tests/data/make-hive.py),
which the test harness makes available as data/minimal.hive in the
tests' working directory.  Its handles, fixed by make-hive.py:
root 0x1020 "ROOT" with seven values, 0x1078 "Software", 0x10d0
"System" (value "Flag" at 0x1398), 0x1128 "Guestkit" (child of
Software).

Daemon procedure numbers for this file: 430 to 459."""

from .types import *

PROC_RANGE = (430, 459)

G = "hivex"
HIVE = "data/minimal.hive"
WRAPPER = "\n\nThis is a wrapper around the L<hivex(3)> call of the same name."


def _open(path="/hive", write=False, *seq):
    """Upload the test hive to path, open it, then run seq."""
    return [["upload", HIVE, path],
            ["hivex_open", path] + (["write:true"] if write else [])] + list(seq)


# Value handles of the root's values, in order: 0x1228 "Name", 0x1248
# "Count", 0x1278 "Big", 0x12c8 "Path", 0x12f8 "Blob", 0x1328 "List",
# 0x1360 (default).  Tests that need a handle from an earlier call use a
# TestResult expression that calls the library (g is the test handle).
HIVEX_CALLS = [
    Call("hivex_open", RErr, [Pathname("filename")],
         [OBool("verbose"), OBool("debug"), OBool("write"), OBool("unsafe")],
         proc=430, optional=G,
         shortdesc="open a Windows Registry hive file",
         longdesc="""
Open the Windows Registry hive file named F<filename>.
If there was any previous hivex handle associated with this
guestfs session, then it is closed.

The whole hive is read into the appliance's memory, so the handle
stays usable (and the filesystem can be unmounted) until
C<guestfs_hivex_close>; changes are written back only by
C<guestfs_hivex_commit>, which needs C<write:true>.""" + WRAPPER,
         tests=[
             Test("InitScratchFS", TestResult(
                 _open("/hive", False, ["hivex_root"]), "ret == 0x1020")),
             Test("InitScratchFS", TestLastFail(
                 [["write", "/nothive", "this is not a registry hive"],
                  ["hivex_open", "/nothive"]])),
             Test("InitScratchFS", TestLastFail(
                 [["hivex_open", "/nosuchfile"]])),
             Test("InitScratchFS", TestLastFail(
                 [["mkdir", "/hivedir"], ["hivex_open", "/hivedir"]])),
             # A symlink resolves inside the guest.
             Test("InitScratchFS", TestResultString(
                 [["upload", HIVE, "/real.hive"],
                  ["ln_s", "../../../real.hive", "/link.hive"],
                  ["hivex_open", "/link.hive"],
                  ["hivex_node_name", "0x1020"]], "ROOT")),
         ]),

    Call("hivex_close", RErr, [], proc=431, optional=G,
         shortdesc="close the current hivex handle",
         longdesc="Close the current hivex handle." + WRAPPER,
         tests=[
             Test("InitScratchFS", TestLastFail(
                 _open("/hive", False, ["hivex_close"], ["hivex_root"]))),
             Test("InitScratchFS", TestLastFail(
                 _open("/hive", False, ["hivex_close"], ["hivex_close"]))),
             # The hive is in memory: the filesystem can be unmounted.
             Test("InitScratchFS", TestResultString(
                 _open("/hive", False, ["umount", "/"],
                       ["hivex_node_name", "0x1078"]), "Software")),
         ]),

    Call("hivex_root", RInt64, [], proc=432, optional=G,
         shortdesc="return the root node of the hive",
         longdesc="Return the root node of the hive." + WRAPPER,
         tests=[
             Test("InitScratchFS", TestResultString(
                 _open("/hive", False, ["hivex_node_name", "0x1020"]), "ROOT")),
         ]),

    Call("hivex_node_name", RString, [Int64("nodeh")], proc=433, optional=G,
         shortdesc="return the name of the node",
         longdesc="Return the name of C<nodeh>." + WRAPPER,
         tests=[
             Test("InitScratchFS", TestResultString(
                 _open("/hive", False, ["hivex_node_name", "0x1128"]), "Guestkit")),
             # Not a node: a value, an unaligned offset, nonsense.
             Test("InitScratchFS", TestLastFail(
                 _open("/hive", False, ["hivex_node_name", "0x1022"]))),
             Test("InitScratchFS", TestLastFail(
                 _open("/hive", False, ["hivex_node_name", "-1"]))),
             Test("InitScratchFS", TestLastFail(
                 _open("/hive", False, ["hivex_node_name", "0x7fffffffffff"]))),
         ]),

    Call("hivex_node_children", RStructList("hivex_node"), [Int64("nodeh")],
         proc=434, optional=G,
         shortdesc="return list of nodes which are subkeys of node",
         longdesc="Return the list of nodes which are subkeys of C<nodeh>." + WRAPPER,
         tests=[
             Test("InitScratchFS", TestResult(
                 _open("/hive", False, ["hivex_node_children", "0x1020"]),
                 "ret->len == 2 && ret->val[0].hivex_node_h == 0x1078 && "
                 "ret->val[1].hivex_node_h == 0x10d0")),
             Test("InitScratchFS", TestResult(
                 _open("/hive", False, ["hivex_node_children", "0x1128"]),
                 "ret->len == 0")),
         ]),

    Call("hivex_node_get_child", RInt64, [Int64("nodeh"), String("name")],
         proc=435, optional=G,
         shortdesc="return the named child of node",
         longdesc="""
Return the child of C<nodeh> with the name C<name>, if it exists.
This can return C<0> meaning the name was not found.""" + WRAPPER,
         tests=[
             Test("InitScratchFS", TestResult(
                 _open("/hive", False, ["hivex_node_get_child", "0x1078", "Guestkit"]),
                 "ret == 0x1128")),
             # Names compare without regard to case, as in Windows.
             Test("InitScratchFS", TestResult(
                 _open("/hive", False, ["hivex_node_get_child", "0x1020", "SYSTEM"]),
                 "ret == 0x10d0")),
             Test("InitScratchFS", TestResultInt(
                 _open("/hive", False, ["hivex_node_get_child", "0x1020", "Nope"]), 0)),
         ]),

    Call("hivex_node_parent", RInt64, [Int64("nodeh")], proc=436, optional=G,
         shortdesc="return the parent of node",
         longdesc="Return the parent node of C<nodeh>." + WRAPPER,
         tests=[
             Test("InitScratchFS", TestResult(
                 _open("/hive", False, ["hivex_node_parent", "0x1128"]),
                 "ret == 0x1078")),
             Test("InitScratchFS", TestResult(
                 _open("/hive", False, ["hivex_node_parent", "0x1078"]),
                 "ret == 0x1020")),
         ]),

    Call("hivex_node_values", RStructList("hivex_value"), [Int64("nodeh")],
         proc=437, optional=G,
         shortdesc="return list of values attached to node",
         longdesc="""
Return the array of (key, datatype, data) tuples attached to C<nodeh>.""" + WRAPPER,
         tests=[
             Test("InitScratchFS", TestResult(
                 _open("/hive", False, ["hivex_node_values", "0x1020"]),
                 "ret->len == 7")),
             Test("InitScratchFS", TestResult(
                 _open("/hive", False, ["hivex_node_values", "0x1078"]),
                 "ret->len == 0")),
         ]),

    Call("hivex_node_get_value", RInt64, [Int64("nodeh"), String("key")],
         proc=438, optional=G,
         shortdesc="return the named value",
         longdesc="""
Return the value attached to C<nodeh> which has the
name C<key>, if it exists.  This can return C<0> meaning
the key was not found.""" + WRAPPER,
         tests=[
             Test("InitScratchFS", TestResult(
                 _open("/hive", False, ["hivex_node_get_value", "0x1020", "Count"]),
                 "ret > 0x1000")),
             Test("InitScratchFS", TestResultInt(
                 _open("/hive", False, ["hivex_node_get_value", "0x1020", "Nope"]), 0)),
         ]),

    Call("hivex_value_key", RString, [Int64("valueh")], proc=439, optional=G,
         shortdesc="return the key field from the (key, datatype, data) tuple",
         longdesc="Return the key (name) field of a (key, datatype, data) tuple." + WRAPPER,
         tests=[
             Test("InitScratchFS", TestResultString(
                 _open("/hive", False, ["hivex_value_key", "0x1228"]), "Name")),
             Test("InitScratchFS", TestLastFail(
                 _open("/hive", False, ["hivex_value_key", "0x1020"]))),
         ]),

    Call("hivex_value_type", RInt64, [Int64("valueh")], proc=440, optional=G,
         shortdesc="return the data type from the (key, datatype, data) tuple",
         longdesc="Return the data type field from a (key, datatype, data) tuple." + WRAPPER,
         tests=[
             Test("InitScratchFS", TestResultInt(
                 _open("/hive", False, ["hivex_value_type", "0x1228"]), 1)),
         ]),

    Call("hivex_value_value", RBufferOut, [Int64("valueh")], proc=441, optional=G,
         shortdesc="return the data field from the (key, datatype, data) tuple",
         longdesc="""
Return the data field of a (key, datatype, data) tuple.""" + WRAPPER + """

See also: C<guestfs_hivex_value_utf8>.""",
         tests=[
             # "Name" = "guestkit" in UTF-16LE with its terminating NUL.
             Test("InitScratchFS", TestResult(
                 _open("/hive", False, ["hivex_value_value", "0x1228"]),
                 'size == 18 && memcmp (ret, "g\\0u\\0e\\0s\\0t\\0k\\0i\\0t\\0\\0", 18) == 0')),
         ]),

    Call("hivex_value_string", RString, [Int64("valueh")], proc=442, optional=G,
         shortdesc="return the data field as a UTF-8 string",
         longdesc="""
This calls C<guestfs_hivex_value_value> (which returns the
data field from a hivex value tuple).  It then assumes that
the field is a UTF-16LE string and converts the result to
UTF-8 (or if this is not possible, it returns an error).

This is useful for reading strings out of the Windows registry.
However it is not foolproof because the registry is not
strongly-typed and fields can contain arbitrary or unexpected
data.""",
         tests=[
             Test("InitScratchFS", TestResultString(
                 _open("/hive", False, ["hivex_value_string", "0x1228"]), "guestkit")),
         ]),

    Call("hivex_value_utf8", RString, [Int64("valueh")], proc=443, optional=G,
         deprecated_by="hivex_value_string",
         shortdesc="return the data field as a UTF-8 string",
         longdesc="""
This calls C<guestfs_hivex_value_value> (which returns the
data field from a hivex value tuple).  It then assumes that
the field is a UTF-16LE string and converts the result to
UTF-8 (or if this is not possible, it returns an error).

This is useful for reading strings out of the Windows registry.
However it is not foolproof because the registry is not
strongly-typed and fields can contain arbitrary or unexpected
data.""",
         tests=[
             Test("InitScratchFS", TestResultString(
                 _open("/hive", False, ["hivex_value_utf8", "0x1228"]), "guestkit")),
         ]),

    Call("hivex_commit", RErr, [OptString("filename")], proc=444, optional=G,
         shortdesc="commit (write) changes back to the hive",
         longdesc="""
Commit (write) changes to the hive.

If the optional F<filename> parameter is null, then the changes
are written back to the same hive that was opened.  If this is
not null then they are written to the alternate filename given
and the original hive is left untouched.

F<filename> is a path in the guest, resolved inside the guest
like any other.  The hive must have been opened with C<write:true>.""" + WRAPPER,
         tests=[
             Test("InitScratchFS", TestRun(
                 _open("/hive", True, ["hivex_commit", ""]))),
             Test("InitScratchFS", TestResultTrue(
                 _open("/hive", True, ["hivex_commit", "/hive_copy"],
                       ["is_file", "/hive_copy"]))),
             # Changes reach the file: reopen it and look.
             Test("InitScratchFS", TestResult(
                 _open("/hive", True, ["hivex_node_add_child", "0x1020", "Added"],
                       ["hivex_commit", ""], ["hivex_close"],
                       ["hivex_open", "/hive"],
                       ["hivex_node_get_child", "0x1020", "Added"]),
                 "ret > 0")),
             Test("InitScratchFS", TestResultInt(
                 _open("/hive", True, ["hivex_node_add_child", "0x1020", "Added"],
                       ["hivex_commit", "/hive_copy"], ["hivex_close"],
                       ["hivex_open", "/hive"],
                       ["hivex_node_get_child", "0x1020", "Added"]), 0)),
             Test("InitScratchFS", TestLastFail(
                 _open("/hive", False, ["hivex_commit", ""]))),
             Test("InitScratchFS", TestLastFail(
                 _open("/hive", True, ["hivex_commit", "relative"]))),
         ]),

    Call("hivex_node_add_child", RInt64, [Int64("parent"), String("name")],
         proc=445, optional=G,
         shortdesc="add a child node",
         longdesc="Add a child node to C<parent> named C<name>." + WRAPPER,
         tests=[
             Test("InitScratchFS", TestResultString(
                 _open("/hive", True, ["hivex_node_add_child", "0x1128", "Sub"],
                       ["hivex_node_get_child", "0x1128", "Sub"],
                       ["hivex_node_children", "0x1128"],
                       ["hivex_node_name", "0x1128"]), "Guestkit")),
             Test("InitScratchFS", TestResult(
                 _open("/hive", True, ["hivex_node_add_child", "0x1128", "Sub"],
                       ["hivex_node_children", "0x1128"]), "ret->len == 1")),
             # Read-only handle.
             Test("InitScratchFS", TestLastFail(
                 _open("/hive", False, ["hivex_node_add_child", "0x1128", "Sub"]))),
         ]),

    Call("hivex_node_delete_child", RErr, [Int64("nodeh")], proc=446, optional=G,
         shortdesc="delete a node (recursively)",
         longdesc="Delete C<nodeh>, recursively if necessary." + WRAPPER,
         tests=[
             Test("InitScratchFS", TestResult(
                 _open("/hive", True, ["hivex_node_delete_child", "0x1078"],
                       ["hivex_node_children", "0x1020"]),
                 "ret->len == 1 && ret->val[0].hivex_node_h == 0x10d0")),
             # The root cannot be deleted.
             Test("InitScratchFS", TestLastFail(
                 _open("/hive", True, ["hivex_node_delete_child", "0x1020"]))),
         ]),

    Call("hivex_node_set_value", RErr,
         [Int64("nodeh"), String("key"), Int64("t"), BufferIn("val")],
         proc=447, optional=G,
         shortdesc="set or replace a single value in a node",
         longdesc="""
Set or replace a single value under the node C<nodeh>.  The
C<key> is the name, C<t> is the type, and C<val> is the data.""" + WRAPPER,
         tests=[
             # REG_BINARY (3), read back after a commit.
             Test("InitScratchFS", TestResult(
                 _open("/hive", True, ["hivex_node_set_value", "0x1128", "Bin", "3", "abc"],
                       ["hivex_commit", ""], ["hivex_close"], ["hivex_open", "/hive"],
                       ["hivex_node_values", "0x1128"]),
                 "ret->len == 1 && "
                 "guestfs_hivex_value_type (g, ret->val[0].hivex_value_h) == 3 && "
                 "guestfs_hivex_node_get_value (g, 0x1128, \"Bin\") == ret->val[0].hivex_value_h")),
             # An existing key is replaced, not added.
             Test("InitScratchFS", TestResult(
                 _open("/hive", True, ["hivex_node_set_value", "0x10d0", "Flag", "1", "x\0\0\0"],
                       ["hivex_node_values", "0x10d0"]),
                 "ret->len == 1 && "
                 "guestfs_hivex_value_type (g, ret->val[0].hivex_value_h) == 1")),
             Test("InitScratchFS", TestLastFail(
                 _open("/hive", False, ["hivex_node_set_value", "0x1128", "Bin", "3", "abc"]))),
         ]),
]
