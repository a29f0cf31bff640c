"""More calls on files and directories: searching, partial reads and writes, links, special files, extended attributes, timestamps, streaming formats.

Daemon procedure numbers for this file: 100 to 199."""

import gzip

from .types import *
from .cdecl import c_string_literal

PROC_RANGE = (100, 199)


def _bytes(b):
    """Bytes as a str the test generator writes back byte for byte."""
    return b.decode("utf-8", "surrogateescape")


def _file_is(name, data):
    """C test expression: the local file holds exactly these bytes."""
    return "local_file_is (%s, %s, %d)" % (c_string_literal(name),
                                          c_string_literal(data), len(data))


def _elf(cls, data, machine):
    """The start of an ELF header: class, byte order, e_machine."""
    m = machine.to_bytes(2, "little" if data == 1 else "big")
    return b"\x7fELF" + bytes([cls, data, 1]) + bytes(9) + b"\x02\x00" + m


def _newc(files):
    """A cpio archive (newc format) of regular files, as initrds are."""
    out = b""
    for ino, (name, data) in enumerate(files + [("TRAILER!!!", b"")], 1):
        n = name.encode() + b"\0"
        mode = 0 if name == "TRAILER!!!" else 0o100755
        fields = [ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(n), 0]
        hdr = b"070701" + b"".join(b"%08X" % f for f in fields) + n
        out += hdr + bytes(-len(hdr) % 4) + data + bytes(-len(data) % 4)
    return out + bytes(-len(out) % 512)

_LIMIT = """

Results larger than one protocol message are streamed, so the limit is
the protocol's stream limit rather than a few megabytes.  See
L<guestfs(3)/PROTOCOL LIMITS>."""

def _old_grep(name, argname, what, proc, tests):
    return Call(name, RStringList, [String(argname), Pathname("path")],
                proc=proc, deprecated_by="grep",
                shortdesc="return lines matching a pattern",
                longdesc="This runs C<%s> on the file and returns the "
                "matching lines.%s" % (what, _LIMIT),
                tests=tests)


_GREP_TEXT = "abc\nabd\nABC\nx.c\n"

_COPY_OPTARGS = [OInt64("srcoffset"), OInt64("destoffset"), OInt64("size"),
                 OBool("sparse"), OBool("append")]


def _copy_call(name, src, dest, proc, tests, overview=False):
    if overview:
        body = """
The four calls C<guestfs_copy_device_to_device>,
C<guestfs_copy_device_to_file>, C<guestfs_copy_file_to_device> and
C<guestfs_copy_file_to_file> copy data from a source (device or file)
to a destination (device or file).

Partial copies can be made with the optional source offset,
destination offset and size, all in bytes.  If not given, both
offsets are zero and the size is as much as possible, until the end
of the source.  Asking for more than the source holds from the source
offset is an error.

The source and destination may be the same object, but overlapping
regions may not be copied correctly.

A destination file is created if needed, and extended if it is not
large enough.  Unless the C<append> flag is set, a destination file is
truncated first; with C<append> the data is written at the end of the
file.  The C<append> flag cannot be used on devices.

If the C<sparse> flag is true, blocks that contain only zeroes are not
written, which helps with thin-provisioned destinations; unless the
destination is already zeroed the copy is then incorrect.  On a
destination file the skipped blocks become holes."""
    else:
        body = """
See C<guestfs_copy_device_to_device> for a general overview of this
call."""
    if name == "copy_file_to_file":
        body += """

This is not the function you want for copying files: it copies blocks
within existing files.  See C<guestfs_cp>, C<guestfs_cp_a> and
C<guestfs_mv> for general file copying and moving functions."""
    return Call(name, RErr, [src, dest], _COPY_OPTARGS, proc=proc,
                progress=True,
                shortdesc="copy from source %s to destination %s" % (
                    "device" if src.kind == "Device" else "file",
                    "device" if dest.kind == "Device" else "file"),
                longdesc=body, tests=tests)


def _is_type(name, what, proc, tests):
    return Call(name, RBool, [Pathname("path")], [OBool("followsymlinks")],
                proc=proc, once_had_no_optargs=True,
                fish_alias=[name.replace("_", "-") + "-opts"],
                shortdesc="test if %s" % what,
                longdesc="""
This returns C<true> if and only if there is a %s with the given
C<path> name.

If the optional flag C<followsymlinks> is true, then a symlink (or
chain of symlinks) that ends with a %s also causes the function to
return true.  Symbolic links are resolved inside the guest's root.

See also C<guestfs_lstatns>.""" % (what, what), tests=tests)


FILES2_CALLS = [
    # ---- listings streamed to a local file ----
    Call("find0", RErr, [Pathname("directory"), FileOut("files")], proc=100,
         cancellable=True,
         shortdesc="find all files and directories, returning NUL-separated list",
         longdesc="""
This command lists out all files and directories, recursively, starting
at F<directory>, placing the resulting list in the external file called
F<files>.

This command works the same way as C<guestfs_find> with the following
exceptions:

=over 4

=item *

The resulting list is written to an external file.

=item *

Items (filenames) in the result are separated by C<\\0> characters.  See
L<find(1)> option I<-print0>.  Names are relative to F<directory>
and, as in libguestfs, start with C</> unless F<directory> is C</>
itself.  Any byte but NUL (newlines included) comes through unchanged.

=item *

The result list is not sorted.

=back

The list is streamed as it is found: there is no limit on its size.""",
         tests=[Test("InitScratchFS", TestResult(
             [["mkdir_p", "/find0/a"], ["touch", "/find0/a/b"],
              ["find0", "/find0", "find0.out"]],
             _file_is("find0.out", b"/a\0/a/b\0"))),
                Test("InitScratchFS", TestResult(
             [["mkdir", "/find0b"],
              ["touch", "/find0b/new\nline, not UTF-8: \udcff\udcfe"],
              ["find0", "/find0b", "find0b.out"]],
             _file_is("find0b.out", b"/new\nline, not UTF-8: \xff\xfe\0"))),
                Test("InitScratchFS", TestLastFail(
             [["find0", "/nosuchdir", "find0c.out"]])),
                Test("InitBasicFS", TestResult(
             [["mkdir", "/d"], ["find0", "/", "find0d.out"]],
             _file_is("find0d.out", b"lost+found\0d\0") + " || " +
             _file_is("find0d.out", b"d\0lost+found\0")))]),

    Call("ls0", RErr, [Pathname("dir"), FileOut("filenames")], proc=101,
         cancellable=True,
         shortdesc="get list of files in a directory",
         longdesc="""
This specialized command is used to get a listing of the filenames in
the directory C<dir>.  The list of filenames is written to the local
file F<filenames> (on the host).

In the output file, the filenames are separated by C<\\0> characters.

C<.> and C<..> are not returned.  The filenames are not sorted.""",
         tests=[Test("InitScratchFS", TestResult(
             [["mkdir", "/ls0"], ["touch", "/ls0/a\nb"],
              ["ls0", "/ls0", "ls0.out"]],
             _file_is("ls0.out", b"a\nb\0"))),
                Test("InitScratchFS", TestLastFail(
             [["touch", "/ls0_file"], ["ls0", "/ls0_file", "ls0b.out"]]))]),

    Call("glob_expand", RStringList, [Pathname("pattern")],
         [OBool("directoryslash")], proc=102, once_had_no_optargs=True,
         fish_alias=["glob-expand-opts"],
         shortdesc="expand a wildcard path",
         longdesc="""
This command searches for all the pathnames matching C<pattern>
according to the wildcard expansion rules used by the shell.

If no paths match, then this returns an empty list (note: not an
error).

It is just a wrapper around the C L<glob(3)> function with flags
C<GLOB_MARK|GLOB_BRACE>, run in the guest's root.  See that manual page
for more details.

C<directoryslash> controls whether to use the C<GLOB_MARK> flag for
L<glob(3)>, and it defaults to true.  It can be explicitly set as off to
return no trailing slashes in filenames of directories.

Notice that there is no equivalent command for expanding a device name
(eg. F</dev/sd*>).  Use C<guestfs_list_devices>,
C<guestfs_list_partitions> etc functions instead.""",
         tests=[Test("InitScratchFS", TestResultList(
             [["mkdir_p", "/glob_expand/b/c"], ["touch", "/glob_expand/b/c/file1"],
              ["touch", "/glob_expand/b/c/file2"],
              ["glob_expand", "/glob_expand/b/c/*"]],
             ["/glob_expand/b/c/file1", "/glob_expand/b/c/file2"])),
                Test("InitScratchFS", TestResultList(
             [["mkdir_p", "/glob_expand2/b/c"], ["touch", "/glob_expand2/b/c/f"],
              ["glob_expand", "/glob_expand2/*/c/*"]],
             ["/glob_expand2/b/c/f"])),
                Test("InitScratchFS", TestResultList(
             [["mkdir_p", "/glob_expand3/b/c"],
              ["glob_expand", "/glob_expand3/{b,x}"]],
             ["/glob_expand3/b/"])),
                Test("InitScratchFS", TestResultList(
             [["mkdir_p", "/glob_expand4/b/c"],
              ["glob_expand", "/glob_expand4/*", "directoryslash:false"]],
             ["/glob_expand4/b"])),
                Test("InitScratchFS", TestResultList(
             [["glob_expand", "/glob_expand5/nosuch*"]], []))]),

    # ---- grep ----
    Call("grep", RStringList, [String("regex"), Pathname("path")],
         [OBool("extended"), OBool("fixed"), OBool("insensitive"),
          OBool("compressed")],
         proc=103, once_had_no_optargs=True, fish_alias=["grep-opts"],
         shortdesc="return lines matching a pattern",
         longdesc="""
This calls the external L<grep(1)> program and returns the matching
lines.  No matching line is not an error: the list is then empty.

The optional flags are:

=over 4

=item C<extended>

Use extended regular expressions.  This is the same as using the I<-E>
flag.

=item C<fixed>

Match fixed (don't use regular expressions).  This is the same as using
the I<-F> flag.

=item C<insensitive>

Match case-insensitive.  This is the same as using the I<-i> flag.

=item C<compressed>

Use L<zgrep(1)> instead of L<grep(1)>.  This allows the input to be
compress- or gzip-compressed.

=back""" + _LIMIT,
         tests=[Test("InitScratchFS", TestResultList(
             [["write", "/grep", _GREP_TEXT], ["grep", "abc", "/grep"]],
             ["abc"])),
                Test("InitScratchFS", TestResultList(
             [["write", "/grep2", _GREP_TEXT],
              ["grep", "abc", "/grep2", "insensitive:true"]], ["abc", "ABC"])),
                Test("InitScratchFS", TestResultList(
             [["write", "/grep3", _GREP_TEXT],
              ["grep", "x.c", "/grep3", "fixed:true"]], ["x.c"])),
                Test("InitScratchFS", TestResultList(
             [["write", "/grep4", _GREP_TEXT],
              ["grep", "ab(c|d)", "/grep4", "extended:true"]], ["abc", "abd"])),
                Test("InitScratchFS", TestResultList(
             [["write", "/grep5", _GREP_TEXT], ["grep", "nomatch", "/grep5"]], [])),
                Test("InitScratchFS", TestResultList(
             [["write", "/grep_gz", _bytes(gzip.compress(_GREP_TEXT.encode(), mtime=0))],
              ["grep", "ab[cd]", "/grep_gz", "compressed:true"]], ["abc", "abd"])),
                Test("InitScratchFS", TestLastFail(
             [["write", "/grep6", _GREP_TEXT], ["grep", "[", "/grep6"]])),
                Test("InitScratchFS", TestLastFail(
             [["grep", "x", "/grep_nosuchfile"]]))]),

    _old_grep("egrep", "regex", "grep -E", 104, [Test("InitScratchFS", TestResultList(
        [["write", "/egrep", _GREP_TEXT], ["egrep", "ab(c|d)", "/egrep"]],
        ["abc", "abd"]))]),
    _old_grep("fgrep", "pattern", "grep -F", 105, [Test("InitScratchFS", TestResultList(
        [["write", "/fgrep", _GREP_TEXT], ["fgrep", "x.c", "/fgrep"]], ["x.c"]))]),
    _old_grep("grepi", "regex", "grep -i", 106, [Test("InitScratchFS", TestResultList(
        [["write", "/grepi", _GREP_TEXT], ["grepi", "abc", "/grepi"]],
        ["abc", "ABC"]))]),
    _old_grep("egrepi", "regex", "grep -E -i", 107, [Test("InitScratchFS", TestResultList(
        [["write", "/egrepi", _GREP_TEXT], ["egrepi", "ab(C|x)", "/egrepi"]],
        ["abc", "ABC"]))]),
    _old_grep("fgrepi", "pattern", "grep -F -i", 108, [Test("InitScratchFS", TestResultList(
        [["write", "/fgrepi", _GREP_TEXT], ["fgrepi", "X.C", "/fgrepi"]], ["x.c"]))]),
    _old_grep("zgrep", "regex", "zgrep", 109, [Test("InitScratchFS", TestResultList(
        [["write", "/zgrep", _GREP_TEXT], ["zgrep", "abc", "/zgrep"]], ["abc"]))]),
    _old_grep("zegrep", "regex", "zgrep -E", 110, [Test("InitScratchFS", TestResultList(
        [["write", "/zegrep", _GREP_TEXT], ["zegrep", "ab(c|d)", "/zegrep"]],
        ["abc", "abd"]))]),
    _old_grep("zfgrep", "pattern", "zgrep -F", 111, [Test("InitScratchFS", TestResultList(
        [["write", "/zfgrep", _GREP_TEXT], ["zfgrep", "x.c", "/zfgrep"]], ["x.c"]))]),
    _old_grep("zgrepi", "regex", "zgrep -i", 112, [Test("InitScratchFS", TestResultList(
        [["write", "/zgrepi", _GREP_TEXT], ["zgrepi", "abc", "/zgrepi"]],
        ["abc", "ABC"]))]),
    _old_grep("zegrepi", "regex", "zgrep -E -i", 113, [Test("InitScratchFS", TestResultList(
        [["write", "/zegrepi", _GREP_TEXT], ["zegrepi", "ab(C|x)", "/zegrepi"]],
        ["abc", "ABC"]))]),
    _old_grep("zfgrepi", "pattern", "zgrep -F -i", 114, [Test("InitScratchFS", TestResultList(
        [["write", "/zfgrepi", _GREP_TEXT], ["zfgrepi", "X.C", "/zfgrepi"]],
        ["x.c"]))]),

    # ---- parts of files, counts, dumps ----
    Call("head_n", RStringList, [Int("nrlines"), Pathname("path")], proc=115,
         shortdesc="return first N lines of a file",
         longdesc="""
If the parameter C<nrlines> is a positive number, this returns the first
C<nrlines> lines of the file C<path>.

If the parameter C<nrlines> is a negative number, this returns lines
from the file C<path>, excluding the last C<nrlines> lines.

If the parameter C<nrlines> is zero, this returns an empty list.""" + _LIMIT,
         tests=[Test("InitScratchFS", TestResultList(
             [["write", "/head_n", "1\n2\n3\n4\n5\n"], ["head_n", "2", "/head_n"]],
             ["1", "2"])),
                Test("InitScratchFS", TestResultList(
             [["write", "/head_n2", "1\n2\n3\n4\n5\n"], ["head_n", "-2", "/head_n2"]],
             ["1", "2", "3"])),
                Test("InitScratchFS", TestResultList(
             [["write", "/head_n3", "1\n2\n3\n4\n5\n"], ["head_n", "0", "/head_n3"]],
             [])),
                Test("InitScratchFS", TestResultList(
             [["write", "/head_n4", "1\n2\n3"], ["head_n", "100", "/head_n4"]],
             ["1", "2", "3"])),
                Test("InitScratchFS", TestResultList(
             [["write", "/head_n5", "1\n2\n3"], ["head_n", "-1", "/head_n5"]],
             ["1", "2"])),
                Test("InitScratchFS", TestLastFail(
             [["head_n", "1", "/head_n_nosuchfile"]]))]),

    Call("tail_n", RStringList, [Int("nrlines"), Pathname("path")], proc=116,
         shortdesc="return last N lines of a file",
         longdesc="""
If the parameter C<nrlines> is a positive number, this returns the last
C<nrlines> lines of the file C<path>.

If the parameter C<nrlines> is a negative number, this returns lines
from the file C<path>, starting with the C<-nrlines>'th line.

If the parameter C<nrlines> is zero, this returns an empty list.""" + _LIMIT,
         tests=[Test("InitScratchFS", TestResultList(
             [["write", "/tail_n", "1\n2\n3\n4\n5\n"], ["tail_n", "2", "/tail_n"]],
             ["4", "5"])),
                Test("InitScratchFS", TestResultList(
             [["write", "/tail_n2", "1\n2\n3\n4\n5\n"], ["tail_n", "-2", "/tail_n2"]],
             ["2", "3", "4", "5"])),
                Test("InitScratchFS", TestResultList(
             [["write", "/tail_n3", "1\n2\n3\n4\n5\n"], ["tail_n", "0", "/tail_n3"]],
             [])),
                Test("InitScratchFS", TestResultList(
             [["write", "/tail_n4", "1\n2\n3\n4\n5\n"], ["tail_n", "-100", "/tail_n4"]],
             [])),
                Test("InitScratchFS", TestResultList(
             [["write", "/tail_n5", "1\n2\n3"], ["tail_n", "2", "/tail_n5"]],
             ["2", "3"]))]),

    Call("wc_l", RInt, [Pathname("path")], proc=117,
         shortdesc="count lines in a file",
         longdesc="""
This command counts the lines in a file, using the C<wc -l> external
command.""",
         tests=[Test("InitScratchFS", TestResultInt(
             [["write", "/wc_l", "a\nb\nc d\n"], ["wc_l", "/wc_l"]], 3)),
                Test("InitScratchFS", TestLastFail(
             [["mkdir", "/wc_l_dir"], ["wc_l", "/wc_l_dir"]]))]),

    Call("wc_w", RInt, [Pathname("path")], proc=118,
         shortdesc="count words in a file",
         longdesc="""
This command counts the words in a file, using the C<wc -w> external
command.""",
         tests=[Test("InitScratchFS", TestResultInt(
             [["write", "/wc_w", "a\nb\nc d  e\n"], ["wc_w", "/wc_w"]], 5))]),

    Call("wc_c", RInt, [Pathname("path")], proc=119,
         shortdesc="count characters in a file",
         longdesc="""
This command counts the characters in a file, using the C<wc -c>
external command.""",
         tests=[Test("InitScratchFS", TestResultInt(
             [["write", "/wc_c", "a\nb\nc d  e\n"], ["wc_c", "/wc_c"]], 11))]),

    Call("hexdump", RString, [Pathname("path")], proc=120,
         shortdesc="dump a file in hexadecimal",
         longdesc="""
This returns the human-readable, canonical hex dump of the file C<path>,
as C<hexdump -C> prints it: offsets, 16 bytes a line in hexadecimal and
as characters, C<*> for repeated lines.""" + _LIMIT,
         tests=[Test("InitScratchFS", TestResultString(
             [["write", "/hexdump", "hello\nworld\n"], ["hexdump", "/hexdump"]],
             "00000000  68 65 6c 6c 6f 0a 77 6f  72 6c 64 0a              |hello.world.|\n0000000c\n")),
                Test("InitScratchFS", TestResultString(
             [["fill", "0", "40", "/hexdump2"], ["hexdump", "/hexdump2"]],
             "00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n"
             "*\n"
             "00000020  00 00 00 00 00 00 00 00                           |........|\n"
             "00000028\n")),
                Test("InitScratchFS", TestResultString(
             [["touch", "/hexdump3"], ["hexdump", "/hexdump3"]], ""))]),

    Call("strings", RStringList, [Pathname("path")], proc=121,
         shortdesc="print the printable strings in a file",
         longdesc="""
This returns the printable strings found in a file, like the
L<strings(1)> command: runs of at least 4 printable ASCII characters
(tabs included).

The file is scanned by the daemon itself: no parser of object file
formats is run on guest data (see L<guestfs(3)/CVE-2014-8484>).""" + _LIMIT,
         tests=[Test("InitScratchFS", TestResultList(
             [["write", "/strings", "stringsdata\n\x01abc\x02defg\tx\n"],
              ["strings", "/strings"]], ["stringsdata", "defg\tx"])),
                Test("InitScratchFS", TestResultList(
             [["touch", "/strings2"], ["strings", "/strings2"]], []))]),

    Call("strings_e", RStringList, [String("encoding"), Pathname("path")],
         proc=122,
         shortdesc="print the printable strings in a file",
         longdesc="""
This is like the C<guestfs_strings> command, but allows you to specify
the encoding of strings that are looked for in the source file C<path>.

Allowed encodings are:

=over 4

=item s

Single 7-bit-byte characters like ASCII and the ASCII-compatible parts
of ISO-8859-X (this is what C<guestfs_strings> uses).

=item S

Single 8-bit-byte characters.

=item b

16-bit big endian strings such as those encoded in UTF-16BE or UCS-2BE.

=item l (lower case letter L)

16-bit little endian such as UTF-16LE and UCS-2LE.  This is useful for
examining binaries in Windows guests.

=item B

32-bit big endian such as UCS-4BE.

=item L

32-bit little endian such as UCS-4LE.

=back

The returned strings are transcoded to UTF-8.""" + _LIMIT,
         tests=[Test("InitScratchFS", TestResultList(
             [["write", "/strings_e", "h\0e\0l\0l\0o\0\0\0ab"],
              ["strings_e", "l", "/strings_e"]], ["hello"])),
                Test("InitScratchFS", TestResultList(
             [["write", "/strings_e2", "\0h\0e\0l\0l\0o"],
              ["strings_e", "b", "/strings_e2"]], ["hello"])),
                Test("InitScratchFS", TestResultList(
             [["write", "/strings_e3", "caf\udce9s!\n"],
              ["strings_e", "S", "/strings_e3"]], ["caf\u00e9s!"])),
                Test("InitScratchFS", TestLastFail(
             [["write", "/strings_e4", "hello"],
              ["strings_e", "q", "/strings_e4"]]))]),

    # ---- file types ----
    Call("file", RString, [Dev_or_Path("path")], proc=123,
         shortdesc="determine file type",
         longdesc="""
This call uses the standard L<file(1)> command to determine the type or
contents of the file.

This call will also transparently look inside various types of
compressed file.

The exact command which runs is C<file -zb path>.  Note in particular
that the filename is not prepended to the output (the I<-b> option).

The output depends on the output of the underlying L<file(1)> command
and it can change in future in ways beyond our control.  In other words,
the output is not guaranteed by the ABI.

A path that is not a regular file is described by its type without
running L<file(1)>: C<directory>, C<character device>, C<block device>,
C<FIFO>, C<symbolic link> or C<socket>.  A device name (F</dev/sda>) is
examined as the contents of the device.

See also: L<file(1)>, C<guestfs_vfs_type>, C<guestfs_lstat>,
C<guestfs_is_file>, C<guestfs_is_blockdev> (etc), C<guestfs_is_zero>.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["touch", "/file"], ["file", "/file"]], "empty")),
                Test("InitScratchFS", TestResultString(
             [["write", "/file2", "some content\n"], ["file", "/file2"]],
             "ASCII text")),
                Test("InitScratchFS", TestResultString(
             [["mkdir", "/file3"], ["file", "/file3"]], "directory")),
                Test("InitScratchFS", TestResultString(
             [["ln_s", "/file", "/file4"], ["file", "/file4"]], "symbolic link")),
                Test("InitScratchFS", TestResultString(
             [["mkfifo", "0644", "/file5"], ["file", "/file5"]], "FIFO")),
                Test("InitScratchFS", TestResultString(
             [["mknod_c", "0644", "1", "3", "/file6"], ["file", "/file6"]],
             "character device")),
                Test("InitScratchFS", TestResult(
             [["file", "/dev/sdb1"]], 'strstr (ret, "ext2 filesystem") != NULL')),
                Test("InitScratchFS", TestLastFail([["file", "/file_nosuchfile"]]))]),

    Call("file_architecture", RString, [Pathname("filename")], proc=124,
         shortdesc="detect the architecture of a binary file",
         longdesc="""
This detects the architecture of the binary F<filename>, and returns it
if known.

Currently defined architectures are:

=over 4

=item C<aarch64>

64 bit ARM.

=item C<arm>

32 bit ARM.

=item C<i386>

This string is returned for all 32 bit i386, i486, i586, i686 binaries
irrespective of the precise processor requirements of the binary.

=item C<ia64>

Intel Itanium.

=item C<ppc>

32 bit Power PC.

=item C<ppc64>

64 bit Power PC (big endian).

=item C<ppc64le>

64 bit Power PC (little endian).

=item C<riscv32>

=item C<riscv64>

=item C<riscv128>

RISC-V 32-, 64- or 128-bit variants.

=item C<s390>

31 bit IBM S/390.

=item C<s390x>

64 bit IBM S/390.

=item C<sparc>

32 bit SPARC.

=item C<sparc64>

64 bit SPARC V9 and above.

=item C<x86_64>

64 bit x86-64.

=back

Libguestfs may return other architecture strings in future.

The function works on at least the following types of files:

=over 4

=item *

many types of Un*x and Linux binary

=item *

many types of Un*x and Linux shared library

=item *

Windows Win32 and Win64 binaries

=item *

Windows Win32 and Win64 DLLs

Win32 binaries and DLLs return C<i386>.

Win64 binaries and DLLs return C<x86_64> (C<aarch64> for ARM64).

=item *

Linux kernel modules, also compressed ones

=item *

Linux new-style initrd images (a cpio archive, possibly compressed)

=item *

some non-x86 Linux vmlinuz kernels

=back

What it can't do currently:

=over 4

=item *

static libraries (F<libfoo.a>)

=item *

Linux old-style initrd as compressed ext2 filesystem (RHEL 3)

=item *

x86 Linux vmlinuz kernels

x86 vmlinuz images (bzImage format) consist of a mix of 16-, 32- and
compressed code, and are horribly hard to unpack.  If you want to find
the architecture of a kernel, use the architecture of the associated
initrd or kernel module(s) instead.

=back

The headers are read by the daemon itself; nothing in the guest is
run.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["write", "/fa_x86_64", _bytes(_elf(2, 1, 62))],
              ["file_architecture", "/fa_x86_64"]], "x86_64")),
                Test("InitScratchFS", TestResultString(
             [["write", "/fa_i386", _bytes(_elf(1, 1, 3))],
              ["file_architecture", "/fa_i386"]], "i386")),
                Test("InitScratchFS", TestResultString(
             [["write", "/fa_ppc64le", _bytes(_elf(2, 1, 21))],
              ["file_architecture", "/fa_ppc64le"]], "ppc64le")),
                Test("InitScratchFS", TestResultString(
             [["write", "/fa_s390x", _bytes(_elf(2, 2, 22))],
              ["file_architecture", "/fa_s390x"]], "s390x")),
                Test("InitScratchFS", TestResultString(
             [["write", "/fa_ko.gz",
               _bytes(gzip.compress(_elf(2, 1, 183) + bytes(100), mtime=0))],
              ["file_architecture", "/fa_ko.gz"]], "aarch64")),
                Test("InitScratchFS", TestResultString(
             [["write", "/fa_initrd", _bytes(_newc([("init", b"#!/bin/sh\n"),
                                                     ("bin/ls", _elf(2, 1, 243))]))],
              ["file_architecture", "/fa_initrd"]], "riscv64")),
                Test("InitScratchFS", TestResultString(
             [["write", "/fa_initrd.gz", _bytes(gzip.compress(_newc(
                 [("usr/bin/ls", _elf(1, 2, 20))]), mtime=0))],
              ["file_architecture", "/fa_initrd.gz"]], "ppc")),
                Test("InitScratchFS", TestResultString(
             [["write", "/fa_pe", _bytes(b"MZ" + bytes(58) + b"\x40\0\0\0" +
                                         b"PE\0\0\x64\x86" + bytes(18))],
              ["file_architecture", "/fa_pe"]], "x86_64")),
                Test("InitScratchFS", TestLastFail(
             [["write", "/fa_text", "hello\n"], ["file_architecture", "/fa_text"]]))]),

    # ---- several names in one directory ----
    Call("readlinklist", RStringList, [Pathname("path"), StringList("names")],
         proc=125,
         shortdesc="readlink on multiple files",
         longdesc="""
This call allows you to do a C<readlink> operation on multiple files,
where all files are in the directory C<path>.  C<names> is the list of
files from this directory.

On return you get a list of strings, with a one-to-one correspondence
to the C<names> list.  Each string is the value of the symbolic link.

If the L<readlink(2)> operation fails on any name, then the
corresponding result string is the empty string C<"">.  However the
whole operation is completed even if there were L<readlink(2)> errors,
and so you can call this function with names where you don't know if
they are symbolic links already (albeit slightly less efficient).

This call is intended for programs that want to efficiently list a
directory contents without making many round-trips.""",
         tests=[Test("InitScratchFS", TestResultList(
             [["mkdir", "/readlinklist"], ["ln_s", "../x", "/readlinklist/a"],
              ["touch", "/readlinklist/b"], ["ln_s", "/y/z", "/readlinklist/c"],
              ["readlinklist", "/readlinklist", "a b nosuch c"]],
             ["../x", "", "", "/y/z"]))]),

    Call("lstatnslist", RStructList("statns"),
         [Pathname("path"), StringList("names")], proc=126,
         shortdesc="lstat on multiple files",
         longdesc="""
This call allows you to perform the C<guestfs_lstatns> operation on
multiple files, where all files are in the directory C<path>.  C<names>
is the list of files from this directory.

On return you get a list of stat structs, with a one-to-one
correspondence to the C<names> list.  If any name did not exist or could
not be lstat'd, then the C<st_ino> field of that structure is set to
C<-1>.

This call is intended for programs that want to efficiently list a
directory contents without making many round-trips.  See also
C<guestfs_lxattrlist> for a similarly efficient call for getting
extended attributes.""",
         tests=[Test("InitScratchFS", TestResult(
             [["mkdir", "/lstatnslist"], ["write", "/lstatnslist/f", "abc"],
              ["ln_s", "f", "/lstatnslist/l"],
              ["lstatnslist", "/lstatnslist", "f nosuch l"]],
             "ret->len == 3 && ret->val[0].st_size == 3 && "
             "(ret->val[0].st_mode & S_IFMT) == S_IFREG && "
             "ret->val[1].st_ino == -1 && "
             "(ret->val[2].st_mode & S_IFMT) == S_IFLNK"))]),

    # ---- extended attributes ----
    Call("lxattrlist", RStructList("xattr"),
         [Pathname("path"), StringList("names")], proc=127,
         optional="linuxxattrs",
         shortdesc="lgetxattr on multiple files",
         longdesc="""
This call allows you to get the extended attributes of multiple files,
where all files are in the directory C<path>.  C<names> is the list of
files from this directory.

On return you get a flat list of xattr structs which must be
interpreted sequentially.  The first xattr struct always has a
zero-length C<attrname>.  C<attrval> in this struct is zero-length to
indicate there was an error doing C<guestfs_lgetxattr> for this file,
I<or> is a C string which is a decimal number (the number of following
attributes for this file, which could be C<"0">).  Then after the first
xattr struct are the zero or more attributes for the first named file.
This repeats for the second and subsequent files.

This call is intended for programs that want to efficiently list a
directory contents without making many round-trips.  See also
C<guestfs_lstatnslist> for a similarly efficient call for getting
standard stats.""",
         tests=[Test("InitScratchFS", TestResult(
             [["mkdir", "/lxattrlist"], ["touch", "/lxattrlist/a"],
              ["touch", "/lxattrlist/b"],
              ["setxattr", "user.foo", "bar", "3", "/lxattrlist/a"],
              ["lxattrlist", "/lxattrlist", "a nosuch b"]],
             "ret->len == 4 && strcmp (ret->val[0].attrname, \"\") == 0 && "
             "ret->val[0].attrval_len == 2 && memcmp (ret->val[0].attrval, \"1\", 2) == 0 && "
             "strcmp (ret->val[1].attrname, \"user.foo\") == 0 && "
             "ret->val[1].attrval_len == 3 && memcmp (ret->val[1].attrval, \"bar\", 3) == 0 && "
             "ret->val[2].attrval_len == 0 && "
             "ret->val[3].attrval_len == 2 && memcmp (ret->val[3].attrval, \"0\", 2) == 0"))]),

    Call("getxattrs", RStructList("xattr"), [Pathname("path")], proc=128,
         optional="linuxxattrs",
         shortdesc="list extended attributes of a file or directory",
         longdesc="""
This call lists the extended attributes of the file or directory
C<path>.

At the system call level, this is a combination of the L<listxattr(2)>
and L<getxattr(2)> calls.

See also: C<guestfs_lgetxattrs>, L<attr(5)>.""",
         tests=[Test("InitScratchFS", TestResult(
             [["touch", "/getxattrs"],
              ["setxattr", "user.test", "hello123", "8", "/getxattrs"],
              ["setxattr", "user.test2", "hello456", "8", "/getxattrs"],
              ["removexattr", "user.test2", "/getxattrs"],
              ["getxattrs", "/getxattrs"]],
             "ret->len == 1 && strcmp (ret->val[0].attrname, \"user.test\") == 0 && "
             "ret->val[0].attrval_len == 8 && memcmp (ret->val[0].attrval, \"hello123\", 8) == 0")),
                Test("InitScratchFS", TestResult(
             [["touch", "/getxattrs2"], ["getxattrs", "/getxattrs2"]],
             "ret->len == 0")),
                Test("InitScratchFS", TestLastFail(
             [["getxattrs", "/getxattrs_nosuchfile"]]))]),

    Call("lgetxattrs", RStructList("xattr"), [Pathname("path")], proc=129,
         optional="linuxxattrs",
         shortdesc="list extended attributes of a file or directory",
         longdesc="""
This is the same as C<guestfs_getxattrs>, but if C<path> is a symbolic
link, then it returns the extended attributes of the link itself.""",
         tests=[Test("InitScratchFS", TestResult(
             [["touch", "/lgetxattrs"],
              ["setxattr", "user.test", "x", "1", "/lgetxattrs"],
              ["ln_s", "lgetxattrs", "/lgetxattrs_l"],
              ["lgetxattrs", "/lgetxattrs_l"]], "ret->len == 0")),
                Test("InitScratchFS", TestResult(
             [["touch", "/lgetxattrs2"],
              ["setxattr", "user.test", "x", "1", "/lgetxattrs2"],
              ["lgetxattrs", "/lgetxattrs2"]], "ret->len == 1"))]),

    Call("getxattr", RBufferOut, [Pathname("path"), String("name")], proc=130,
         optional="linuxxattrs",
         shortdesc="get a single extended attribute",
         longdesc="""
Get a single extended attribute from file C<path> named C<name>.  This
call follows symlinks.  If you want to lookup an extended attribute for
the symlink itself, use C<guestfs_lgetxattr>.

Normally it is better to get all extended attributes from a file in one
go by calling C<guestfs_getxattrs>.  However some Linux filesystem
implementations are buggy and do not provide a way to list out
attributes.  For these filesystems (notably ntfs-3g) you have to know
the names of the extended attributes you want in advance and call this
function.

Extended attribute values are blobs of binary data.  If there is no
extended attribute named C<name>, this returns an error.

See also: C<guestfs_getxattrs>, C<guestfs_lgetxattr>, L<attr(5)>.""",
         tests=[Test("InitScratchFS", TestResult(
             [["touch", "/getxattr"],
              ["setxattr", "user.test", "hello123", "8", "/getxattr"],
              ["ln_s", "getxattr", "/getxattr_l"],
              ["getxattr", "/getxattr_l", "user.test"]],
             "size == 8 && memcmp (ret, \"hello123\", 8) == 0")),
                Test("InitScratchFS", TestLastFail(
             [["touch", "/getxattr2"], ["getxattr", "/getxattr2", "user.nosuch"]]))]),

    Call("lgetxattr", RBufferOut, [Pathname("path"), String("name")],
         proc=131, optional="linuxxattrs",
         shortdesc="get a single extended attribute",
         longdesc="""
Get a single extended attribute from file C<path> named C<name>.  If
C<path> is a symlink, then this call returns an extended attribute from
the symlink.

Normally it is better to get all extended attributes from a file in one
go by calling C<guestfs_getxattrs>.  However some Linux filesystem
implementations are buggy and do not provide a way to list out
attributes.  For these filesystems (notably ntfs-3g) you have to know
the names of the extended attributes you want in advance and call this
function.

Extended attribute values are blobs of binary data.  If there is no
extended attribute named C<name>, this returns an error.

See also: C<guestfs_lgetxattrs>, C<guestfs_getxattr>, L<attr(5)>.""",
         tests=[Test("InitScratchFS", TestResult(
             [["touch", "/lgetxattr"],
              ["setxattr", "user.test", "abc", "2", "/lgetxattr"],
              ["lgetxattr", "/lgetxattr", "user.test"]],
             "size == 2 && memcmp (ret, \"ab\", 2) == 0")),
                Test("InitScratchFS", TestLastFail(
             [["touch", "/lgetxattr2"],
              ["setxattr", "user.test", "abc", "3", "/lgetxattr2"],
              ["ln_s", "lgetxattr2", "/lgetxattr2_l"],
              ["lgetxattr", "/lgetxattr2_l", "user.test"]]))]),

    Call("setxattr", RErr,
         [String("xattr"), String("val"), Int("vallen"), Pathname("path")],
         proc=132, optional="linuxxattrs",
         shortdesc="set extended attribute of a file or directory",
         longdesc="""
This call sets the extended attribute named C<xattr> of the file
C<path> to the value C<val> (of length C<vallen>).  The value is
arbitrary 8 bit data.

C<vallen> may be at most the length of C<val> plus one (to include the
terminating NUL byte, which some attributes such as
C<security.selinux> conventionally have).

See also: C<guestfs_lsetxattr>, L<attr(5)>.""",
         tests=[Test("InitScratchFS", TestResult(
             [["touch", "/setxattr"],
              ["setxattr", "user.z", "abc", "4", "/setxattr"],
              ["getxattr", "/setxattr", "user.z"]],
             "size == 4 && memcmp (ret, \"abc\", 4) == 0")),
                Test("InitScratchFS", TestLastFail(
             [["touch", "/setxattr2"],
              ["setxattr", "user.z", "abc", "5", "/setxattr2"]])),
                Test("InitScratchFS", TestLastFail(
             [["setxattr", "user.z", "abc", "3", "/setxattr_nosuch"]]))]),

    Call("lsetxattr", RErr,
         [String("xattr"), String("val"), Int("vallen"), Pathname("path")],
         proc=133, optional="linuxxattrs",
         shortdesc="set extended attribute of a file or directory",
         longdesc="""
This is the same as C<guestfs_setxattr>, but if C<path> is a symbolic
link, then it sets an extended attribute of the link itself.""",
         tests=[Test("InitScratchFS", TestResult(
             [["touch", "/lsetxattr"],
              ["lsetxattr", "trusted.z", "abc", "3", "/lsetxattr"],
              ["lgetxattr", "/lsetxattr", "trusted.z"]],
             "size == 3 && memcmp (ret, \"abc\", 3) == 0")),
                Test("InitScratchFS", TestResult(
             [["touch", "/lsetxattr2"], ["ln_s", "lsetxattr2", "/lsetxattr2_l"],
              ["lsetxattr", "trusted.z", "abc", "3", "/lsetxattr2_l"],
              ["getxattrs", "/lsetxattr2"]], "ret->len == 0"))]),

    Call("removexattr", RErr, [String("xattr"), Pathname("path")], proc=134,
         optional="linuxxattrs",
         shortdesc="remove extended attribute of a file or directory",
         longdesc="""
This call removes the extended attribute named C<xattr> of the file
C<path>.

See also: C<guestfs_lremovexattr>, L<attr(5)>.""",
         tests=[Test("InitScratchFS", TestResult(
             [["touch", "/removexattr"],
              ["setxattr", "user.a", "1", "1", "/removexattr"],
              ["removexattr", "user.a", "/removexattr"],
              ["getxattrs", "/removexattr"]], "ret->len == 0")),
                Test("InitScratchFS", TestLastFail(
             [["touch", "/removexattr2"],
              ["removexattr", "user.a", "/removexattr2"]]))]),

    Call("lremovexattr", RErr, [String("xattr"), Pathname("path")], proc=135,
         optional="linuxxattrs",
         shortdesc="remove extended attribute of a file or directory",
         longdesc="""
This is the same as C<guestfs_removexattr>, but if C<path> is a
symbolic link, then it removes an extended attribute of the link
itself.""",
         tests=[Test("InitScratchFS", TestResult(
             [["touch", "/lremovexattr"], ["ln_s", "lremovexattr", "/lremovexattr_l"],
              ["lsetxattr", "trusted.a", "1", "1", "/lremovexattr_l"],
              ["lremovexattr", "trusted.a", "/lremovexattr_l"],
              ["lgetxattrs", "/lremovexattr_l"]], "ret->len == 0"))]),

    # ---- names ----
    Call("realpath", RString, [Pathname("path")], proc=136,
         shortdesc="canonicalized absolute pathname",
         longdesc="""
Return the canonicalized absolute pathname of C<path>.  The returned
path has no C<.>, C<..> or symbolic link path elements.  Symbolic links
are resolved inside the guest's root, as the guest itself would see
them.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["mkdir_p", "/realpath/a/b"], ["ln_s", "../..", "/realpath/a/b/up"],
              ["realpath", "/realpath/a/b/up/a/./b/../b"]], "/realpath/a/b")),
                Test("InitScratchFS", TestResultString(
             [["mkdir", "/realpath2"], ["ln_s", "/../../realpath2", "/realpath2/l"],
              ["realpath", "/realpath2/l"]], "/realpath2")),
                Test("InitScratchFS", TestLastFail(
             [["realpath", "/realpath_nosuch"]]))]),

    Call("case_sensitive_path", RString, [Pathname("path")], proc=137,
         shortdesc="return true path on case-insensitive filesystem",
         longdesc="""
This can be used to resolve case insensitive paths on a filesystem
which is case sensitive.  The use case is to resolve paths which you
have read from Windows configuration files or the Windows Registry, to
the true path.

The command handles a peculiarity of the Linux ntfs-3g filesystem
driver (and probably others), which is that although the underlying
filesystem is case-insensitive, the driver exports the filesystem to
Linux as case-sensitive.

One consequence of this is that special directories such as
F<C:\\windows> may appear as F</WINDOWS> or F</windows> (or other
things) depending on the precise details of how they were created.  In
Windows itself this would not be a problem.

Bug or feature?  You decide:
L<https://www.tuxera.com/community/ntfs-3g-faq/#posixfilenames1>

C<guestfs_case_sensitive_path> attempts to resolve the true case of
each element in the path.  It will return a resolved path if either the
full path or its parent directory exists.  If the parent directory
exists but the full path does not, the case of the parent directory
will be correctly resolved, and the remainder appended unmodified.  For
example, if the file C<"/Windows/System32/netkvm.sys"> exists:

=over 4

=item C<guestfs_case_sensitive_path> ("/windows/system32/netkvm.sys")

"Windows/System32/netkvm.sys"

=item C<guestfs_case_sensitive_path> ("/windows/system32/NoSuchFile")

"Windows/System32/NoSuchFile"

=item C<guestfs_case_sensitive_path> ("/windows/system33/netkvm.sys")

I<ERROR>

=back

I<Note>: Because of the above behaviour, C<guestfs_case_sensitive_path>
cannot be used to check for the existence of a file.

I<Note>: This function does not handle drive names, backslashes etc.

When a directory holds several names differing only in case, an exact
match is preferred.

See also C<guestfs_realpath>.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["mkdir_p", "/case_sensitive_path/Windows/System32"],
              ["touch", "/case_sensitive_path/Windows/System32/netkvm.sys"],
              ["case_sensitive_path", "/CASE_sensitive_path/windows/system32/NETKVM.SYS"]],
             "/case_sensitive_path/Windows/System32/netkvm.sys")),
                Test("InitScratchFS", TestResultString(
             [["mkdir_p", "/case_sensitive_path2/Windows"],
              ["case_sensitive_path", "/case_sensitive_path2/WINDOWS/NoSuchFile"]],
             "/case_sensitive_path2/Windows/NoSuchFile")),
                Test("InitScratchFS", TestLastFail(
             [["mkdir_p", "/case_sensitive_path3/Windows"],
              ["case_sensitive_path", "/case_sensitive_path3/windowz/x"]])),
                Test("InitScratchFS", TestResultString(
             [["case_sensitive_path", "/"]], "/"))]),

    # ---- sizes ----
    Call("truncate", RErr, [Pathname("path")], proc=138,
         shortdesc="truncate a file to zero size",
         longdesc="""
This command truncates C<path> to a zero-length file.  The file must
exist already.""",
         tests=[Test("InitScratchFS", TestResultInt(
             [["write", "/truncate", "some stuff so size is not zero"],
              ["truncate", "/truncate"], ["filesize", "/truncate"]], 0)),
                Test("InitScratchFS", TestLastFail(
             [["truncate", "/truncate_nosuch"]]))]),

    Call("truncate_size", RErr, [Pathname("path"), Int64("size")], proc=139,
         shortdesc="truncate a file to a particular size",
         longdesc="""
This command truncates C<path> to size C<size> bytes.  The file must
exist already.

If the current file size is less than C<size> then the file is extended
to the required size with zero bytes.  This creates a sparse file (ie.
disk blocks are not allocated for the file until you write to it).  To
create a non-sparse file of zeroes, use C<guestfs_fallocate64>
instead.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["write", "/truncate_size", "abcdef"],
              ["truncate_size", "/truncate_size", "3"], ["cat", "/truncate_size"]],
             "abc")),
                Test("InitScratchFS", TestResultInt(
             [["touch", "/truncate_size2"],
              ["truncate_size", "/truncate_size2", "1000"],
              ["filesize", "/truncate_size2"]], 1000)),
                Test("InitScratchFS", TestLastFail(
             [["touch", "/truncate_size3"],
              ["truncate_size", "/truncate_size3", "-1"]]))]),

    Call("fallocate", RErr, [Pathname("path"), Int("len")], proc=140,
         deprecated_by="fallocate64",
         shortdesc="preallocate a file in the guest filesystem",
         longdesc="""
This command preallocates a file (containing zero bytes) named C<path>
of size C<len> bytes.  If the file exists already, it is overwritten.

Do not confuse this with the guestfish-specific C<alloc> command which
allocates a file in the host and attaches it as a device.""",
         tests=[Test("InitScratchFS", TestResultInt(
             [["fallocate", "/fallocate", "1000000"], ["filesize", "/fallocate"]],
             1000000))]),

    Call("fallocate64", RErr, [Pathname("path"), Int64("len")], proc=141,
         shortdesc="preallocate a file in the guest filesystem",
         longdesc="""
This command preallocates a file (containing zero bytes) named C<path>
of size C<len> bytes.  If the file exists already, it is overwritten.

Note that this call allocates disk blocks for the file.  To create a
sparse file use C<guestfs_truncate_size> instead.

The deprecated call C<guestfs_fallocate> does the same, but owing to an
oversight it only allowed 30 bit lengths to be specified, effectively
limiting the maximum size of files created through that call to 1GB.

Do not confuse this with the guestfish-specific C<alloc> and C<sparse>
commands which create a file in the host and attach it as a device.""",
         tests=[Test("InitScratchFS", TestResult(
             [["write", "/fallocate64", "old contents"],
              ["fallocate64", "/fallocate64", "100000"], ["statns", "/fallocate64"]],
             "ret->st_size == 100000 && ret->st_blocks * 512 >= 100000")),
                Test("InitScratchFS", TestResultTrue(
             [["fallocate64", "/fallocate64b", "10000"], ["is_zero", "/fallocate64b"]])),
                Test("InitScratchFS", TestLastFail(
             [["fallocate64", "/fallocate64c", "-1"]]))]),

    # ---- block copies ----
    _copy_call("copy_device_to_device", Device("src"), Device("dest"), 145, [
        Test("InitEmpty", TestResult(
            [["pwrite_device", "/dev/sdc", "hello, world", "1000"],
             ["copy_device_to_device", "/dev/sdc", "/dev/sda",
              "srcoffset:1000", "destoffset:7", "size:12"],
             ["pread_device", "/dev/sda", "14", "6"]],
            "size == 14 && memcmp (ret, \"\\0hello, world\\0\", 14) == 0")),
        Test("InitEmpty", TestLastFail(
            [["copy_device_to_device", "/dev/sdc", "/dev/sda", "append:true"]])),
        Test("InitEmpty", TestLastFail(
            [["copy_device_to_device", "/dev/sdc", "/dev/sda",
              "srcoffset:10000000", "size:1000000"]]))], overview=True),
    _copy_call("copy_device_to_file", Device("src"), Pathname("dest"), 144, [
        Test("InitScratchFS", TestResultString(
            [["pwrite_device", "/dev/sdc", "0123456789", "0"],
             ["copy_device_to_file", "/dev/sdc", "/copy_device_to_file", "size:10"],
             ["cat", "/copy_device_to_file"]], "0123456789")),
        Test("InitScratchFS", TestResultInt(
            [["copy_device_to_file", "/dev/sdc", "/copy_device_to_file2"],
             ["filesize", "/copy_device_to_file2"]], 10485760))]),
    _copy_call("copy_file_to_device", Pathname("src"), Device("dest"), 143, [
        Test("InitScratchFS", TestResult(
            [["write", "/copy_file_to_device", "0123456789"],
             ["copy_file_to_device", "/copy_file_to_device", "/dev/sdc",
              "srcoffset:2", "destoffset:512"],
             ["pread_device", "/dev/sdc", "8", "512"]],
            "size == 8 && memcmp (ret, \"23456789\", 8) == 0")),
        Test("InitScratchFS", TestLastFail(
            [["write", "/copy_file_to_device2", "x"],
             ["copy_file_to_device", "/copy_file_to_device2", "/dev/sdc",
              "append:true"]]))]),
    _copy_call("copy_file_to_file", Pathname("src"), Pathname("dest"), 142, [
        Test("InitScratchFS", TestResultString(
            [["write", "/copy_file_to_file", "0123456789"],
             ["copy_file_to_file", "/copy_file_to_file", "/copy_file_to_file2",
              "srcoffset:2", "size:4"],
             ["cat", "/copy_file_to_file2"]], "2345")),
        Test("InitScratchFS", TestResultString(
            [["write", "/copy_file_to_file3", "0123456789"],
             ["write", "/copy_file_to_file4", "abc"],
             ["copy_file_to_file", "/copy_file_to_file3", "/copy_file_to_file4",
              "size:2", "append:true"],
             ["cat", "/copy_file_to_file4"]], "abc01")),
        Test("InitScratchFS", TestResult(
            [["write", "/copy_file_to_file5", "0123456789"],
             ["write", "/copy_file_to_file6", "abcdefghijklmnop"],
             ["copy_file_to_file", "/copy_file_to_file5", "/copy_file_to_file6",
              "destoffset:3"],
             ["read_file", "/copy_file_to_file6"]],
            "size == 13 && memcmp (ret, %s, 13) == 0" % c_string_literal(b"\0\0\0" b"0123456789"))),
        Test("InitScratchFS", TestResult(
            [["fill", "0", "1000000", "/copy_file_to_file7"],
             ["pwrite", "/copy_file_to_file7", "x", "999999"],
             ["copy_file_to_file", "/copy_file_to_file7", "/copy_file_to_file8",
              "sparse:true"],
             ["statns", "/copy_file_to_file8"]],
            "ret->st_size == 1000000 && ret->st_blocks < 100")),
        Test("InitScratchFS", TestLastFail(
            [["write", "/copy_file_to_file9", "0123456789"],
             ["copy_file_to_file", "/copy_file_to_file9", "/copy_file_to_file10",
              "size:100"]]))]),

    # ---- trees, renames, times, owners ----
    Call("cp_r", RErr, [Pathname("src"), Pathname("dest")], proc=146,
         shortdesc="copy a file or directory recursively",
         longdesc="""
This copies a file or directory from C<src> to C<dest> recursively
using the C<cp -rP> semantics: symbolic links are copied as links,
never followed; ownership, permissions beyond the umask, timestamps
and extended attributes are I<not> kept (use C<guestfs_cp_a> for
that).

Most users should use C<guestfs_cp_a> instead.  This command is useful
when you don't want to preserve permissions, because the target
filesystem does not support it (primarily when writing to DOS FAT
filesystems).""",
         tests=[Test("InitScratchFS", TestResultString(
             [["mkdir_p", "/cp_r/src/sub"], ["write", "/cp_r/src/sub/f", "deep"],
              ["cp_r", "/cp_r/src", "/cp_r/dst"], ["cat", "/cp_r/dst/sub/f"]],
             "deep")),
                Test("InitScratchFS", TestResult(
             [["mkdir_p", "/cp_r2/src"], ["write", "/cp_r2/src/f", "x"],
              ["chown", "10", "11", "/cp_r2/src/f"],
              ["chmod", "0751", "/cp_r2/src/f"],
              ["mkdir", "/cp_r2/dst"],
              ["cp_r", "/cp_r2/src", "/cp_r2/dst"], ["statns", "/cp_r2/dst/src/f"]],
             "ret->st_uid == 0 && (ret->st_mode & 07777) == 0751")),
                Test("InitScratchFS", TestLastFail(
             [["cp_r", "/cp_r_nosuch", "/cp_r_dst"]]))]),

    Call("rename", RErr, [Pathname("oldpath"), Pathname("newpath")], proc=147,
         shortdesc="rename a file on the same filesystem",
         longdesc="""
Rename a file to a new place on the same filesystem.  This is the same
as the Linux L<rename(2)> system call.  In most cases you are better to
use C<guestfs_mv> instead.

Unlike C<guestfs_mv>, C<newpath> is always the new name, even when it is
an existing directory (which must then be empty, and C<oldpath> a
directory too).""",
         tests=[Test("InitScratchFS", TestResultFalse(
             [["mkdir", "/rename"], ["write", "/rename/old", "file content"],
              ["rename", "/rename/old", "/rename/new"], ["is_file", "/rename/old"]])),
                Test("InitScratchFS", TestResultString(
             [["mkdir", "/rename2"], ["write", "/rename2/old", "file content"],
              ["rename", "/rename2/old", "/rename2/new"], ["cat", "/rename2/new"]],
             "file content")),
                Test("InitScratchFS", TestLastFail(
             [["rename", "/rename_nosuch", "/rename_x"]]))]),

    Call("utimens", RErr,
         [Pathname("path"), Int64("atsecs"), Int64("atnsecs"),
          Int64("mtsecs"), Int64("mtnsecs")], proc=148,
         shortdesc="set timestamp of a file with nanosecond precision",
         longdesc="""
This command sets the timestamps of a file with nanosecond precision.

C<atsecs, atnsecs> are the last access time (atime) in secs and
nanoseconds from the epoch.

C<mtsecs, mtnsecs> are the last modification time (mtime) in secs and
nanoseconds from the epoch.

If the C<*nsecs> field contains the special value C<-1> then the
corresponding timestamp is set to the current time.  (The C<*secs>
field is ignored in this case).

If the C<*nsecs> field contains the special value C<-2> then the
corresponding timestamp is left unchanged.  (The C<*secs> field is
ignored in this case).

If C<path> is a symbolic link, the file it points to is changed.""",
         tests=[Test("InitScratchFS", TestResult(
             [["touch", "/utimens"],
              ["utimens", "/utimens", "12345", "67890", "9876", "5432"],
              ["statns", "/utimens"]],
             "ret->st_atime_sec == 12345 && ret->st_atime_nsec == 67890 && "
             "ret->st_mtime_sec == 9876 && ret->st_mtime_nsec == 5432")),
                Test("InitScratchFS", TestResult(
             [["touch", "/utimens2"],
              ["utimens", "/utimens2", "12345", "67890", "9876", "5432"],
              ["utimens", "/utimens2", "1", "-2", "2", "-1"],
              ["statns", "/utimens2"]],
             "ret->st_atime_sec == 12345 && ret->st_mtime_sec > 1000000000")),
                Test("InitScratchFS", TestLastFail(
             [["utimens", "/utimens_nosuch", "1", "1", "1", "1"]]))]),

    Call("lchown", RErr, [Int("owner"), Int("group"), Pathname("path")],
         proc=149,
         shortdesc="change file owner and group",
         longdesc="""
Change the file owner to C<owner> and group to C<group>.  This is like
C<guestfs_chown> but if C<path> is a symlink then the link itself is
changed, not the target.

Only numeric uid and gid are supported.  If you want to use names, you
will need to locate and parse the password file yourself (Augeas
support makes this relatively easy).""",
         tests=[Test("InitScratchFS", TestResult(
             [["touch", "/lchown"], ["ln_s", "lchown", "/lchown_l"],
              ["lchown", "10", "20", "/lchown_l"], ["lstatns", "/lchown_l"]],
             "ret->st_uid == 10 && ret->st_gid == 20")),
                Test("InitScratchFS", TestResult(
             [["touch", "/lchown2"], ["ln_s", "lchown2", "/lchown2_l"],
              ["lchown", "10", "20", "/lchown2_l"], ["statns", "/lchown2"]],
             "ret->st_uid == 0 && ret->st_gid == 0"))]),

    # ---- special files ----
    Call("mknod", RErr,
         [Int("mode"), Int("devmajor"), Int("devminor"), Pathname("path")],
         proc=150, optional="mknod",
         shortdesc="make block, character or FIFO devices",
         longdesc="""
This call creates block or character special devices, or named pipes
(FIFOs).

The C<mode> parameter should be the mode, using the standard constants.
C<devmajor> and C<devminor> are the device major and minor numbers,
only used when creating block and character special devices.

Note that, just like L<mknod(2)>, the mode must be bitwise OR'd with
S_IFBLK, S_IFCHR, S_IFIFO or S_IFSOCK (otherwise this call just creates
a regular file).  These constants are available in the standard Linux
header files, or you can use C<guestfs_mknod_b>, C<guestfs_mknod_c> or
C<guestfs_mkfifo> which are wrappers around this command which bitwise
OR in the appropriate constant for you.

The mode actually set is affected by the umask.""",
         tests=[Test("InitScratchFS", TestResult(
             [["mknod", "0010777", "0", "0", "/mknod"], ["statns", "/mknod"]],
             "(ret->st_mode & S_IFMT) == S_IFIFO && (ret->st_mode & 0777) == 0755")),
                Test("InitScratchFS", TestResult(
             [["mknod", "0060644", "66", "99", "/mknod_b"], ["lstatns", "/mknod_b"]],
             "(ret->st_mode & S_IFMT) == S_IFBLK && "
             "ret->st_rdev == (int64_t) ((66 << 8) | 99)")),
                Test("InitScratchFS", TestLastFail(
             [["touch", "/mknod2"], ["mknod", "0010777", "0", "0", "/mknod2"]]))]),

    Call("mknod_b", RErr,
         [Int("mode"), Int("devmajor"), Int("devminor"), Pathname("path")],
         proc=151, optional="mknod",
         shortdesc="make block device node",
         longdesc="""
This call creates a block device node called C<path> with mode C<mode>
and device major/minor C<devmajor> and C<devminor>.  It is just a
convenient wrapper around C<guestfs_mknod>.

Unlike with C<guestfs_mknod>, C<mode> B<must> contain only permissions
bits.

The mode actually set is affected by the umask.""",
         tests=[Test("InitScratchFS", TestResultTrue(
             [["mknod_b", "0777", "1", "2", "/mknod_b"], ["is_blockdev", "/mknod_b"]])),
                Test("InitScratchFS", TestLastFail(
             [["mknod_b", "0060777", "1", "2", "/mknod_b2"]]))]),

    Call("mknod_c", RErr,
         [Int("mode"), Int("devmajor"), Int("devminor"), Pathname("path")],
         proc=152, optional="mknod",
         shortdesc="make char device node",
         longdesc="""
This call creates a char device node called C<path> with mode C<mode>
and device major/minor C<devmajor> and C<devminor>.  It is just a
convenient wrapper around C<guestfs_mknod>.

Unlike with C<guestfs_mknod>, C<mode> B<must> contain only permissions
bits.

The mode actually set is affected by the umask.""",
         tests=[Test("InitScratchFS", TestResultTrue(
             [["mknod_c", "0777", "1", "2", "/mknod_c"], ["is_chardev", "/mknod_c"]]))]),

    Call("mkfifo", RErr, [Int("mode"), Pathname("path")], proc=153,
         optional="mknod",
         shortdesc="make FIFO (named pipe)",
         longdesc="""
This call creates a FIFO (named pipe) called C<path> with mode C<mode>.
It is just a convenient wrapper around C<guestfs_mknod>.

Unlike with C<guestfs_mknod>, C<mode> B<must> contain only permissions
bits.

The mode actually set is affected by the umask.""",
         tests=[Test("InitScratchFS", TestResultTrue(
             [["mkfifo", "0777", "/mkfifo"], ["is_fifo", "/mkfifo"]])),
                Test("InitScratchFS", TestLastFail(
             [["mkfifo", "0010777", "/mkfifo2"]]))]),

    # ---- links ----
    Call("ln", RErr, [Pathname("target"), Pathname("linkname")], proc=154,
         shortdesc="create a hard link",
         longdesc="""
This command creates a hard link, like L<link(2)>: C<linkname> becomes
another name of the file C<target>.  C<linkname> must not exist.  If
C<target> is a symbolic link, the link itself gets the new name.""",
         tests=[Test("InitScratchFS", TestResult(
             [["mkdir", "/ln"], ["touch", "/ln/a"], ["ln", "/ln/a", "/ln/b"],
              ["statns", "/ln/b"]], "ret->st_nlink == 2")),
                Test("InitScratchFS", TestLastFail(
             [["mkdir", "/ln2"], ["touch", "/ln2/a"], ["touch", "/ln2/b"],
              ["ln", "/ln2/a", "/ln2/b"]]))]),

    Call("ln_f", RErr, [Pathname("target"), Pathname("linkname")], proc=155,
         shortdesc="create a hard link",
         longdesc="""
This command creates a hard link, removing the link C<linkname> if it
exists already.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["mkdir", "/ln_f"], ["write", "/ln_f/a", "A"], ["write", "/ln_f/b", "B"],
              ["ln_f", "/ln_f/a", "/ln_f/b"], ["cat", "/ln_f/b"]], "A"))]),

    Call("ln_sf", RErr, [String("target"), Pathname("linkname")], proc=156,
         shortdesc="create a symbolic link",
         longdesc="""
This command creates a symbolic link using the C<ln -sf> command, The
I<-f> option removes the link (C<linkname>) if it exists already.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["mkdir", "/ln_sf"], ["touch", "/ln_sf/b"],
              ["ln_sf", "../d", "/ln_sf/b"], ["readlink", "/ln_sf/b"]], "../d")),
                Test("InitScratchFS", TestResultString(
             [["mkdir", "/ln_sf2"], ["ln_sf", "x", "/ln_sf2/l"],
              ["ln_sf", "y", "/ln_sf2/l"], ["readlink", "/ln_sf2/l"]], "y")),
                Test("InitScratchFS", TestResultString(
             [["mkdir_p", "/ln_sf3/d"], ["ln_sf", "../x", "/ln_sf3/d"],
              ["readlink", "/ln_sf3/d/x"]], "../x"))]),

    # ---- new files and directories ----
    Call("mkdtemp", RString, [Pathname("tmpl")], proc=157,
         shortdesc="create a temporary directory",
         longdesc="""
This command creates a temporary directory.  The C<tmpl> parameter
should be a full pathname for the temporary directory name with the
final six characters being "XXXXXX".

For example: "/tmp/myprogXXXXXX" or "/Temp/myprogXXXXXX", the second
one being suitable for Windows filesystems.

The name of the temporary directory that was created is returned.

The temporary directory is created with mode 0700 and is owned by
root.

The caller is responsible for deleting the temporary directory and its
contents after use.

See also: L<mkdtemp(3)>""",
         tests=[Test("InitScratchFS", TestResult(
             [["mkdir", "/mkdtemp"], ["mkdtemp", "/mkdtemp/tmpXXXXXX"]],
             "strncmp (ret, \"/mkdtemp/tmp\", 12) == 0 && strlen (ret) == 18 && "
             "strcmp (ret + 12, \"XXXXXX\") != 0")),
                Test("InitScratchFS", TestLastFail(
             [["mkdir", "/mkdtemp2"], ["mkdtemp", "/mkdtemp2/tmpXXX"]]))]),

    Call("mkdir_mode", RErr, [Pathname("path"), Int("mode")], proc=158,
         shortdesc="create a directory with a particular mode",
         longdesc="""
This command creates a directory, setting the initial permissions of
the directory to C<mode>.

For common Linux filesystems, the actual mode which is set will be
C<mode & ~umask & 01777>.  Non-native-Linux filesystems may interpret
the mode in other ways.

See also C<guestfs_mkdir>, C<guestfs_umask>""",
         tests=[Test("InitScratchFS", TestResult(
             [["mkdir_mode", "/mkdir_mode", "0111"], ["statns", "/mkdir_mode"]],
             "(ret->st_mode & S_IFMT) == S_IFDIR && (ret->st_mode & 07777) == 0111")),
                Test("InitScratchFS", TestResult(
             [["mkdir_mode", "/mkdir_mode2", "01777"], ["statns", "/mkdir_mode2"]],
             "(ret->st_mode & 07777) == 01755")),
                Test("InitScratchFS", TestLastFail(
             [["mkdir", "/mkdir_mode3"], ["mkdir_mode", "/mkdir_mode3", "0700"]]))]),

    Call("mktemp", RString, [Pathname("tmpl")], [OString("suffix")],
         proc=185,
         shortdesc="create a temporary file",
         longdesc="""
This command creates a temporary file.  The C<tmpl> parameter should be
a full pathname for the temporary directory name with the final six
characters being "XXXXXX".

For example: "/tmp/myprogXXXXXX" or "/Temp/myprogXXXXXX", the second
one being suitable for Windows filesystems.

The name of the temporary file that was created is returned.

The temporary file is created with mode 0600 and is owned by root.

The caller is responsible for deleting the temporary file after use.

If the optional C<suffix> parameter is given, then the suffix (eg.
".txt") is appended to the temporary name.

See also: C<guestfs_mkdtemp>.""",
         tests=[Test("InitScratchFS", TestResult(
             [["mkdir", "/mktemp"], ["mktemp", "/mktemp/tmpXXXXXX", "suffix:.txt"]],
             "strncmp (ret, \"/mktemp/tmp\", 11) == 0 && strlen (ret) == 21 && "
             "strcmp (ret + 17, \".txt\") == 0")),
                Test("InitScratchFS", TestResult(
             [["mkdir", "/mktemp2"], ["mktemp", "/mktemp2/tmpXXXXXX"]],
             "strncmp (ret, \"/mktemp2/tmp\", 12) == 0 && strlen (ret) == 18"))]),

    # ---- partial reads and writes ----
    Call("pread", RBufferOut, [Pathname("path"), Int("count"), Int64("offset")],
         proc=159,
         shortdesc="read part of a file",
         longdesc="""
This command lets you read part of a file.  It reads C<count> bytes of
the file, starting at C<offset>, from file C<path>.

This may read fewer bytes than requested.  For further details see the
L<pread(2)> system call.  Reading at or past the end of the file returns
an empty buffer.

See also C<guestfs_pwrite>, C<guestfs_pread_device>.""" + _LIMIT,
         tests=[Test("InitScratchFS", TestResult(
             [["write", "/pread", "0123456789"], ["pread", "/pread", "3", "2"]],
             "size == 3 && memcmp (ret, \"234\", 3) == 0")),
                Test("InitScratchFS", TestResult(
             [["write", "/pread2", "0123456789"], ["pread", "/pread2", "3", "20"]],
             "size == 0")),
                Test("InitScratchFS", TestLastFail(
             [["write", "/pread3", "0123456789"], ["pread", "/pread3", "-1", "0"]])),
                Test("InitScratchFS", TestLastFail(
             [["mkdir", "/pread4"], ["pread", "/pread4", "1", "0"]]))]),

    Call("pread_device", RBufferOut,
         [Device("device"), Int("count"), Int64("offset")], proc=160,
         shortdesc="read part of a device",
         longdesc="""
This command lets you read part of a block device.  It reads C<count>
bytes of C<device>, starting at C<offset>.

This may read fewer bytes than requested.  For further details see the
L<pread(2)> system call.

See also C<guestfs_pread>.""" + _LIMIT,
         tests=[Test("InitEmpty", TestResult(
             [["pwrite_device", "/dev/sdc", "abcdef", "10485758"],
              ["pread_device", "/dev/sdc", "100", "10485756"]],
             "size == 4 && memcmp (ret, \"\\0\\0ab\", 4) == 0")),
                Test("InitEmpty", TestLastFail(
             [["pread_device", "/dev/sdc", "1", "-1"]]))]),

    Call("pwrite", RInt, [Pathname("path"), BufferIn("content"), Int64("offset")],
         proc=161,
         shortdesc="write to part of a file",
         longdesc="""
This command writes to part of a file.  It writes the data buffer
C<content> to the file C<path> starting at offset C<offset>.

This command implements the L<pwrite(2)> system call, and like that
system call it may not write the full data requested.  The return value
is the number of bytes that were actually written to the file.  This
could even be 0, although short writes are unlikely for regular files
in ordinary circumstances.

The file must exist already; it is extended if the data goes past its
end.

See also C<guestfs_pread>, C<guestfs_pwrite_device>.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["write", "/pwrite", "new file contents"],
              ["pwrite", "/pwrite", "data", "4"], ["cat", "/pwrite"]],
             "new data contents")),
                Test("InitScratchFS", TestResultInt(
             [["write", "/pwrite2", "new file contents"],
              ["pwrite", "/pwrite2", "is extended", "9"]], 11)),
                Test("InitScratchFS", TestResultString(
             [["write", "/pwrite3", "new file contents"],
              ["pwrite", "/pwrite3", "is extended", "9"], ["cat", "/pwrite3"]],
             "new file is extended")),
                Test("InitScratchFS", TestLastFail(
             [["pwrite", "/pwrite_nosuch", "x", "0"]]))]),

    Call("pwrite_device", RInt,
         [Device("device"), BufferIn("content"), Int64("offset")], proc=162,
         shortdesc="write to part of a device",
         longdesc="""
This command writes to part of a device.  It writes the data buffer
C<content> to C<device> starting at offset C<offset>.

This command implements the L<pwrite(2)> system call, and like that
system call it may not write the full data requested (although short
writes to disk devices and partitions are probably impossible with
standard Linux kernels).

See also C<guestfs_pwrite>.""",
         tests=[Test("InitEmpty", TestResultInt(
             [["pwrite_device", "/dev/sdc", "hello", "4096"]], 5)),
                Test("InitEmpty", TestLastFail(
             [["pwrite_device", "/dev/sdc", "hello", "10485760"]]))]),

    # ---- streams in other formats ----
    Call("base64_in", RErr, [FileIn("base64file"), Pathname("filename")],
         proc=163, progress=True, cancellable=True,
         shortdesc="upload base64-encoded data to file",
         longdesc="""
This command uploads base64-encoded data from C<base64file> to
F<filename>.  Line breaks and other white space in the input are
ignored; any other character outside the base64 alphabet is an error.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["write", "/base64_in", "hello, world\n"],
              ["base64_out", "/base64_in", "base64_in.b64"],
              ["base64_in", "base64_in.b64", "/base64_in2"],
              ["cat", "/base64_in2"]], "hello, world\n")),
                Test("InitScratchFS", TestLastFail(
             [["write", "/base64_in3", "not base64!"],
              ["download", "/base64_in3", "base64_in3.b64"],
              ["base64_in", "base64_in3.b64", "/base64_in4"]]))]),

    Call("base64_out", RErr, [Pathname("filename"), FileOut("base64file")],
         proc=164, progress=True, cancellable=True,
         shortdesc="download file and encode as base64",
         longdesc="""
This command downloads the contents of F<filename>, writing it out to
local file C<base64file> encoded as base64, in lines of 76 characters
as L<base64(1)> writes them.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["write", "/base64_out", "0XY3456789\0\0END"],
              ["base64_out", "/base64_out", "base64_out.b64"],
              ["upload", "base64_out.b64", "/base64_out2"],
              ["cat", "/base64_out2"]], "MFhZMzQ1Njc4OQAARU5E\n"))]),

    Call("tgz_in", RErr, [FileIn("tarball"), Pathname("directory")],
         proc=165, deprecated_by="tar_in", progress=True, cancellable=True,
         shortdesc="unpack compressed tarball to directory",
         longdesc="""
This command uploads and unpacks local file C<tarball> (a I<gzip
compressed> tar file) into F<directory>.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["mkdir_p", "/tgz_in/src/d"], ["write", "/tgz_in/src/d/f", "tgz"],
              ["tgz_out", "/tgz_in/src", "tgz_in.tgz"],
              ["mkdir", "/tgz_in/dst"],
              ["tgz_in", "tgz_in.tgz", "/tgz_in/dst"], ["cat", "/tgz_in/dst/d/f"]],
             "tgz"))]),

    Call("tgz_out", RErr, [Pathname("directory"), FileOut("tarball")],
         proc=166, deprecated_by="tar_out", progress=True, cancellable=True,
         shortdesc="pack directory into compressed tarball",
         longdesc="""
This command packs the contents of F<directory> and downloads it to
local file C<tarball> (a gzip compressed tar archive).""",
         tests=[Test("InitScratchFS", TestResult(
             [["mkdir", "/tgz_out"], ["write", "/tgz_out/f", "x"],
              ["tgz_out", "/tgz_out", "tgz_out.tgz"]],
             "local_file_starts_with (\"tgz_out.tgz\", \"\\037\\213\", 2)"))]),

    Call("txz_in", RErr, [FileIn("tarball"), Pathname("directory")],
         proc=167, deprecated_by="tar_in", optional="xz", progress=True,
         cancellable=True,
         shortdesc="unpack compressed tarball to directory",
         longdesc="""
This command uploads and unpacks local file C<tarball> (an I<xz
compressed> tar file) into F<directory>.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["mkdir_p", "/txz_in/src/d"], ["write", "/txz_in/src/d/f", "txz"],
              ["txz_out", "/txz_in/src", "txz_in.txz"],
              ["mkdir", "/txz_in/dst"],
              ["txz_in", "txz_in.txz", "/txz_in/dst"], ["cat", "/txz_in/dst/d/f"]],
             "txz"))]),

    Call("txz_out", RErr, [Pathname("directory"), FileOut("tarball")],
         proc=168, deprecated_by="tar_out", optional="xz", progress=True,
         cancellable=True,
         shortdesc="pack directory into compressed tarball",
         longdesc="""
This command packs the contents of F<directory> and downloads it to
local file C<tarball> (as an xz compressed tar archive).""",
         tests=[Test("InitScratchFS", TestResult(
             [["mkdir", "/txz_out"], ["write", "/txz_out/f", "x"],
              ["txz_out", "/txz_out", "txz_out.txz"]],
             "local_file_starts_with (\"txz_out.txz\", \"\\375" "7zXZ\", 5)"))]),

    Call("download_offset", RErr,
         [Dev_or_Path("remotefilename"), FileOut("filename"), Int64("offset"),
          Int64("size")], proc=169, progress=True, cancellable=True,
         shortdesc="download a file to the local machine with offset and size",
         longdesc="""
Download file F<remotefilename> and save it as F<filename> on the local
machine.

F<remotefilename> is read for C<size> bytes starting at C<offset> (this
region must be within the file or device).

Note that there is no limit on the amount of data that can be
downloaded with this call, unlike with C<guestfs_pread>, and this call
always reads the full amount unless an error occurs.  If the file ends
before C<offset> + C<size>, what there is is downloaded.

See also C<guestfs_download>, C<guestfs_pread>.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["write", "/download_offset", "0123456789"],
              ["download_offset", "/download_offset", "download_offset.out", "2", "5"],
              ["upload", "download_offset.out", "/download_offset2"],
              ["cat", "/download_offset2"]], "23456")),
                Test("InitScratchFS", TestLastFail(
             [["write", "/download_offset3", "0123456789"],
              ["download_offset", "/download_offset3", "download_offset3.out",
               "-1", "5"]]))]),

    Call("upload_offset", RErr,
         [FileIn("filename"), Dev_or_Path("remotefilename"), Int64("offset")],
         proc=170, progress=True, cancellable=True,
         shortdesc="upload a file from the local machine with offset",
         longdesc="""
Upload local file F<filename> to F<remotefilename> on the filesystem.

F<remotefilename> is overwritten starting at the byte C<offset>
specified.  The intention is to overwrite parts of existing files or
devices, although if a non-existent file is specified then it is
created with a "hole" before C<offset>.  The size of the data written
is implicit in the size of the source F<filename>.

Note that there is no limit on the amount of data that can be uploaded
with this call, unlike with C<guestfs_pwrite>, and this call always
writes the full amount unless an error occurs.

See also C<guestfs_upload>, C<guestfs_pwrite>.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["write", "/upload_offset", "hello"],
              ["download", "/upload_offset", "upload_offset.in"],
              ["write", "/upload_offset2", "0123456789"],
              ["upload_offset", "upload_offset.in", "/upload_offset2", "2"],
              ["cat", "/upload_offset2"]], "01hello789")),
                Test("InitScratchFS", TestResult(
             [["write", "/upload_offset3", "abc"],
              ["download", "/upload_offset3", "upload_offset3.in"],
              ["upload_offset", "upload_offset3.in", "/upload_offset4", "4"],
              ["read_file", "/upload_offset4"]],
             "size == 7 && memcmp (ret, \"\\0\\0\\0\\0abc\", 7) == 0"))]),

    # ---- filling ----
    Call("fill", RErr, [Int("c"), Int("len"), Pathname("path")], proc=171,
         progress=True,
         shortdesc="fill a file with octets",
         longdesc="""
This command creates a new file called C<path>.  The initial content of
the file is C<len> octets of C<c>, where C<c> must be a number in the
range C<[0..255]>.

To fill a file with zero bytes (sparsely), it is much more efficient to
use C<guestfs_truncate_size>.  To create a file with a pattern of
repeating bytes use C<guestfs_fill_pattern>.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["fill", "0x63", "10", "/fill"], ["cat", "/fill"]], "cccccccccc")),
                Test("InitScratchFS", TestResultString(
             [["fill", "0x63", "10", "/fill2"], ["fill", "65", "3", "/fill2"],
              ["cat", "/fill2"]], "AAA")),
                Test("InitScratchFS", TestLastFail(
             [["fill", "256", "10", "/fill3"]]))]),

    Call("fill_pattern", RErr, [String("pattern"), Int("len"), Pathname("path")],
         proc=172, progress=True,
         shortdesc="fill a file with a repeating pattern of bytes",
         longdesc="""
This function is like C<guestfs_fill> except that it creates a new file
of length C<len> containing the repeating pattern of bytes in
C<pattern>.  The pattern is truncated if necessary to ensure the length
of the file is exactly C<len> bytes.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["fill_pattern", "abcdefghijklmnopqrstuvwxyz", "28", "/fill_pattern"],
              ["cat", "/fill_pattern"]], "abcdefghijklmnopqrstuvwxyzab")),
                Test("InitScratchFS", TestLastFail(
             [["fill_pattern", "", "10", "/fill_pattern2"]]))]),

    Call("fill_dir", RErr, [Pathname("dir"), Int("nr")], proc=173,
         progress=True,
         shortdesc="fill a directory with empty files",
         longdesc="""
This function, useful for testing filesystems, creates C<nr> empty
files in the directory C<dir> with names C<00000000> through C<nr-1>
(ie. each file name is 8 digits long padded with zeroes).""",
         tests=[Test("InitScratchFS", TestResultList(
             [["mkdir", "/fill_dir"], ["fill_dir", "/fill_dir", "3"],
              ["ls", "/fill_dir"]], ["00000000", "00000001", "00000002"])),
                Test("InitScratchFS", TestLastFail(
             [["fill_dir", "/fill_dir_nosuch", "3"]]))]),

    # ---- file type tests ----
    _is_type("is_chardev", "character device", 174, [
        Test("InitScratchFS", TestResultTrue(
            [["mknod_c", "0777", "1", "2", "/is_chardev"], ["is_chardev", "/is_chardev"]])),
        Test("InitScratchFS", TestResultFalse(
            [["touch", "/is_chardev2"], ["is_chardev", "/is_chardev2"]])),
        Test("InitScratchFS", TestResultFalse(
            [["mknod_c", "0777", "1", "2", "/is_chardev3"],
             ["ln_s", "is_chardev3", "/is_chardev3_l"],
             ["is_chardev", "/is_chardev3_l"]])),
        Test("InitScratchFS", TestResultTrue(
            [["mknod_c", "0777", "1", "2", "/is_chardev4"],
             ["ln_s", "is_chardev4", "/is_chardev4_l"],
             ["is_chardev", "/is_chardev4_l", "followsymlinks:true"]])),
        Test("InitScratchFS", TestResultFalse(
            [["is_chardev", "/is_chardev_nosuch"]]))]),
    _is_type("is_blockdev", "block device", 175, [
        Test("InitScratchFS", TestResultTrue(
            [["mknod_b", "0777", "1", "2", "/is_blockdev"], ["is_blockdev", "/is_blockdev"]])),
        Test("InitScratchFS", TestResultFalse(
            [["mknod_c", "0777", "1", "2", "/is_blockdev2"], ["is_blockdev", "/is_blockdev2"]]))]),
    _is_type("is_fifo", "FIFO (named pipe)", 176, [
        Test("InitScratchFS", TestResultTrue(
            [["mkfifo", "0777", "/is_fifo"], ["is_fifo", "/is_fifo"]])),
        Test("InitScratchFS", TestResultFalse(
            [["touch", "/is_fifo2"], ["is_fifo", "/is_fifo2"]]))]),
    _is_type("is_socket", "Unix domain socket", 177, [
        Test("InitScratchFS", TestResultTrue(
            [["mknod", "0140777", "0", "0", "/is_socket"], ["is_socket", "/is_socket"]])),
        Test("InitScratchFS", TestResultFalse(
            [["mkfifo", "0777", "/is_socket2"], ["is_socket", "/is_socket2"]]))]),

    # ---- comparing and checksumming ----
    Call("is_zero", RBool, [Pathname("path")], proc=178, progress=True,
         shortdesc="test if a file contains all zero bytes",
         longdesc="""
This returns true iff the file exists and the file is empty or it
contains all zero bytes.""",
         tests=[Test("InitScratchFS", TestResultTrue(
             [["touch", "/is_zero"], ["truncate_size", "/is_zero", "1000000"],
              ["is_zero", "/is_zero"]])),
                Test("InitScratchFS", TestResultFalse(
             [["touch", "/is_zero2"], ["truncate_size", "/is_zero2", "1000000"],
              ["pwrite", "/is_zero2", "x", "999999"], ["is_zero", "/is_zero2"]])),
                Test("InitScratchFS", TestResultTrue(
             [["touch", "/is_zero3"], ["is_zero", "/is_zero3"]])),
                Test("InitScratchFS", TestLastFail(
             [["is_zero", "/is_zero_nosuch"]]))]),

    Call("equal", RBool, [Pathname("file1"), Pathname("file2")], proc=179,
         progress=True,
         shortdesc="test if two files have equal contents",
         longdesc="""
This compares the two files F<file1> and F<file2> and returns true if
their content is exactly equal, or false otherwise.  Both must be
regular files (symbolic links are followed, inside the guest's root).""",
         tests=[Test("InitScratchFS", TestResultTrue(
             [["write", "/equal", "contents of a file"],
              ["cp", "/equal", "/equal2"], ["equal", "/equal", "/equal2"]])),
                Test("InitScratchFS", TestResultFalse(
             [["write", "/equal3", "contents of a file"],
              ["write", "/equal4", "contents of another file"],
              ["equal", "/equal3", "/equal4"]])),
                Test("InitScratchFS", TestLastFail(
             [["write", "/equal5", "x"], ["equal", "/equal5", "/equal_nosuch"]]))]),

    Call("checksum_device", RString, [String("csumtype"), Device("device")],
         proc=180, progress=True,
         shortdesc="compute MD5, SHAx or CRC checksum of the contents of a device",
         longdesc="""
This call computes the MD5, SHAx or CRC checksum of the contents of the
device named C<device>.  For the types of checksums supported see the
C<guestfs_checksum> command.""",
         tests=[Test("InitEmpty", TestResultString(
             [["checksum_device", "md5", "/dev/sdc"]],
             "f1c9645dbc14efddc7d8a322685f26eb")),
                Test("InitEmpty", TestLastFail(
             [["checksum_device", "nosuch", "/dev/sdc"]]))]),

    Call("checksums_out", RErr,
         [String("csumtype"), Pathname("directory"), FileOut("sumsfile")],
         proc=181, progress=True, cancellable=True,
         shortdesc="compute MD5, SHAx or CRC checksum of files in a directory",
         longdesc="""
This command computes the checksums of all regular files in
F<directory> and then emits a list of those checksums to the local
output file C<sumsfile>.

This can be used for verifying the integrity of a virtual machine.

Each line is C<I<checksum>  ./I<name>>, as C<find -type f | xargs md5sum>
run in F<directory> prints it (C<I<crc> I<size> ./I<name>> for C<crc>,
as L<cksum(1)> prints it).  To be properly secure you should pay
attention to the names: as GNU coreutils does, a name containing a
backslash, a newline or a carriage return is written with these escaped
(C<\\\\>, C<\\n>, C<\\r>), and its line then starts with a backslash.
Symbolic links are not followed.  The order of the lines is not
defined.""",
         tests=[Test("InitScratchFS", TestResult(
             [["mkdir_p", "/checksums_out/x"], ["write", "/checksums_out/x/f", "F"],
              ["checksums_out", "md5", "/checksums_out", "checksums_out.txt"]],
             _file_is("checksums_out.txt",
                      b"800618943025315f869e4e1f09471012  ./x/f\n"))),
                Test("InitScratchFS", TestResult(
             [["mkdir", "/checksums_out2"], ["write", "/checksums_out2/a\nb", "F"],
              ["checksums_out", "sha1", "/checksums_out2", "checksums_out2.txt"]],
             _file_is("checksums_out2.txt",
                      b"\\e69f20e9f683920d3fb4329abd951e878b1f9372  ./a\\nb\n"))),
                Test("InitScratchFS", TestResult(
             [["mkdir", "/checksums_out4"], ["write", "/checksums_out4/f", "F"],
              ["checksums_out", "crc", "/checksums_out4", "checksums_out4.txt"]],
             _file_is("checksums_out4.txt", b"1605251490 1 ./f\n"))),
                Test("InitScratchFS", TestLastFail(
             [["mkdir", "/checksums_out3"],
              ["checksums_out", "nosuch", "/checksums_out3", "checksums_out3.txt"]]))]),

    Call("copy_attributes", RErr, [Pathname("src"), Pathname("dest")],
         [OBool("all"), OBool("mode"), OBool("xattributes"), OBool("ownership")],
         proc=182,
         shortdesc="copy the attributes of a path (file/directory) to another",
         longdesc="""
Copy the attributes of a path (which can be a file or a directory) to
another path.

By default C<no> attribute is copied, so make sure to specify any (or
C<all> to copy everything).

The optional arguments specify which attributes can be copied:

=over 4

=item C<mode>

Copy part of the file mode from C<source> to C<destination>.  Only the
UNIX permissions and the sticky/setuid/setgid bits can be copied.

=item C<xattributes>

Copy the Linux extended attributes (xattrs) from C<source> to
C<destination>.  This flag does nothing if the I<linuxxattrs> feature
is not available (see C<guestfs_feature_available>).

=item C<ownership>

Copy the owner uid and the group gid of C<source> to C<destination>.

=item C<all>

Copy B<all> the attributes from C<source> to C<destination>.  Enabling
it enables all the other flags, if they are not specified already.

=back""",
         tests=[Test("InitScratchFS", TestResult(
             [["write", "/copy_attributes", "x"], ["chmod", "0640", "/copy_attributes"],
              ["chown", "5", "6", "/copy_attributes"],
              ["touch", "/copy_attributes2"],
              ["copy_attributes", "/copy_attributes", "/copy_attributes2", "all:true"],
              ["statns", "/copy_attributes2"]],
             "(ret->st_mode & 07777) == 0640 && ret->st_uid == 5 && ret->st_gid == 6")),
                Test("InitScratchFS", TestResult(
             [["write", "/copy_attributes3", "x"], ["chmod", "0640", "/copy_attributes3"],
              ["chown", "5", "6", "/copy_attributes3"],
              ["touch", "/copy_attributes4"],
              ["copy_attributes", "/copy_attributes3", "/copy_attributes4", "mode:true"],
              ["statns", "/copy_attributes4"]],
             "(ret->st_mode & 07777) == 0640 && ret->st_uid == 0")),
                Test("InitScratchFS", TestResult(
             [["touch", "/copy_attributes5"],
              ["setxattr", "user.a", "b", "1", "/copy_attributes5"],
              ["touch", "/copy_attributes6"],
              ["setxattr", "user.old", "c", "1", "/copy_attributes6"],
              ["copy_attributes", "/copy_attributes5", "/copy_attributes6",
               "xattributes:true"],
              ["getxattrs", "/copy_attributes6"]],
             "ret->len == 2 && (strcmp (ret->val[0].attrname, \"user.a\") == 0 || "
             "strcmp (ret->val[1].attrname, \"user.a\") == 0)")),
                Test("InitScratchFS", TestResult(
             [["write", "/copy_attributes7", "x"], ["chmod", "0640", "/copy_attributes7"],
              ["touch", "/copy_attributes8"],
              ["copy_attributes", "/copy_attributes7", "/copy_attributes8"],
              ["statns", "/copy_attributes8"]],
             "(ret->st_mode & 07777) == 0644"))]),

    # ---- umask ----
    Call("umask", RInt, [Int("mask")], proc=183, fish_output="octal",
         shortdesc="set file mode creation mask (umask)",
         longdesc="""
This function sets the mask used for creating new files and device
nodes to C<mask & 0777>.

Typical umask values would be C<022> which creates new files with
permissions like "-rw-r--r--" or "-rwxr-xr-x", and C<002> which creates
new files with permissions like "-rw-rw-r--" or "-rwxrwxr-x".

The default umask is C<022>.  This is important because it means that
directories and device nodes will be created with C<0644> or C<0755>
mode even if you specify C<0777>.

See also C<guestfs_get_umask>, L<umask(2)>, C<guestfs_mknod>,
C<guestfs_mkdir>.

This call returns the previous umask.""",
         tests=[Test("InitScratchFS", TestResultInt(
             [["umask", "0027"], ["umask", "0022"]], 0o27)),
                Test("InitScratchFS", TestLastFail([["umask", "01000"]]))]),

    Call("get_umask", RInt, [], proc=184, fish_output="octal",
         shortdesc="get the current umask",
         longdesc="""
Return the current umask.  By default the umask is C<022> unless it has
been set by calling C<guestfs_umask>.""",
         tests=[Test("InitScratchFS", TestResultInt([["get_umask"]], 0o22)),
                Test("InitScratchFS", TestResultInt(
             [["umask", "0077"], ["get_umask"]], 0o77)),
                # Back to the default, which the tests after this expect.
                Test("InitScratchFS", TestResultInt(
             [["umask", "0022"], ["get_umask"]], 0o22))]),
]
