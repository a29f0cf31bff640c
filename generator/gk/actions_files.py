"""Daemon calls on files and directories inside the mounted guest.  Every
Pathname is resolved inside the guest's root, symlinks included."""

from .types import *

FILE_CALLS = [
    Call("ls", RStringList, [Pathname("directory")], proc=40,
         shortdesc="list the files in a directory",
         longdesc="""
List the files in F<directory> (relative to the root directory, there is
no cwd).  The '.' and '..' entries are not returned, but hidden files are
shown.  The list is sorted.""",
         tests=[Test("InitScratchFS", TestResultList(
             [["mkdir", "/ls"], ["touch", "/ls/new"], ["touch", "/ls/newer"],
              ["touch", "/ls/.hidden"], ["ls", "/ls"]],
             [".hidden", "new", "newer"])),
                Test("InitScratchFS", TestLastFail([["ls", "/nosuchdir"]]))]),

    Call("ll", RString, [Pathname("directory")], proc=41,
         shortdesc="list the files in a directory (long format)",
         longdesc="""
List the files in F<directory> (relative to the root directory, there is
no cwd) in the format of C<ls -la>.

This command is mostly useful for interactive sessions.  It is I<not>
intended that you try to parse the output string.""",
         tests=[Test("InitScratchFS", TestResult(
             [["mkdir", "/ll"], ["touch", "/ll/afile"], ["ll", "/ll"]],
             'strstr (ret, "afile") != NULL && strstr (ret, "total") == ret'))]),

    Call("cat", RString, [Pathname("path")], proc=42,
         shortdesc="list the contents of a file",
         longdesc="""
Return the contents of the file named C<path>.

Because, in C, this function returns a C<char *>, there is no way to
differentiate between a C<\\0> character in a file and end of string.  To
handle binary files, use the C<guestfs_read_file> or C<guestfs_download>
functions.

There is no limit on the size of the file other than memory: large
results are streamed from the appliance.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["write", "/cat", "hello\nworld\n"], ["cat", "/cat"]],
             "hello\nworld\n")),
                Test("InitScratchFS", TestLastFail([["cat", "/nosuchfile"]])),
                Test("InitScratchFS", TestLastFail(
             [["mkdir", "/catdir"], ["cat", "/catdir"]]))]),

    Call("read_file", RBufferOut, [Pathname("path")], proc=43,
         shortdesc="read a file",
         longdesc="""
This calls returns the contents of the file C<path> as a buffer.

Unlike C<guestfs_cat>, this function can correctly handle files that
contain embedded ASCII NUL characters.""",
         tests=[Test("InitScratchFS", TestResult(
             [["write", "/read_file", "a\x00b"], ["read_file", "/read_file"]],
             'size == 3 && memcmp (ret, "a\\0b", 3) == 0')),
                Test("InitScratchFS", TestResult(
             [["touch", "/read_file_empty"], ["read_file", "/read_file_empty"]],
             "size == 0"))]),

    Call("read_lines", RStringList, [Pathname("path")], proc=44,
         shortdesc="read file as lines",
         longdesc="""
Return the contents of the file named C<path>.

The file contents are returned as a list of lines.  Trailing C<LF> and
C<CRLF> character sequences are I<not> returned.

Note that this function cannot correctly handle binary files
(specifically, files containing C<\\0> character which is treated as end
of string).  For those you need to use the C<guestfs_read_file> function
and split the buffer into lines yourself.""",
         tests=[Test("InitScratchFS", TestResultList(
             [["write", "/read_lines", "line1\r\nline2\nline3"],
              ["read_lines", "/read_lines"]], ["line1", "line2", "line3"])),
                Test("InitScratchFS", TestResultList(
             [["write", "/read_lines2", "line1\n\nline3\n"],
              ["read_lines", "/read_lines2"]], ["line1", "", "line3"])),
                Test("InitScratchFS", TestResultList(
             [["write", "/read_lines3", ""],
              ["read_lines", "/read_lines3"]], []))]),

    Call("write", RErr, [Pathname("path"), BufferIn("content")], proc=45,
         shortdesc="create a new file",
         longdesc="""
This call creates a file called C<path>.  The content of the file is the
string C<content> (which can contain any 8 bit data).  If the file
already exists it is truncated.

See also C<guestfs_write_append>.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["write", "/write", "new file contents"], ["cat", "/write"]],
             "new file contents")),
                Test("InitScratchFS", TestResultString(
             [["write", "/write2", "old contents which are long"],
              ["write", "/write2", "new"], ["cat", "/write2"]], "new"))]),

    Call("write_append", RErr, [Pathname("path"), BufferIn("content")],
         proc=46,
         shortdesc="append content to end of file",
         longdesc="""
This call appends C<content> to the end of file C<path>.  If C<path>
does not exist, then a new file is created.

See also C<guestfs_write>.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["write", "/write_append", "line1\n"],
              ["write_append", "/write_append", "line2\n"],
              ["write_append", "/write_append", "line3a"],
              ["write_append", "/write_append", "line3b\n"],
              ["cat", "/write_append"]], "line1\nline2\nline3aline3b\n"))]),

    Call("touch", RErr, [Pathname("path")], proc=47,
         shortdesc="update file timestamps or create a new file",
         longdesc="""
Touch acts like the L<touch(1)> command.  It can be used to update the
timestamps on a file, or, if the file does not exist, to create a new
zero-length file.

This command only works on regular files, and will fail on other file
types such as directories, symbolic links, block special etc.""",
         tests=[Test("InitScratchFS", TestResultTrue(
             [["touch", "/touch"], ["exists", "/touch"]])),
                Test("InitScratchFS", TestLastFail(
             [["mkdir", "/touchdir"], ["touch", "/touchdir"]]))]),

    Call("mkdir", RErr, [Pathname("path")], proc=48,
         shortdesc="create a directory",
         longdesc="Create a directory named C<path>.",
         tests=[Test("InitScratchFS", TestResultTrue(
             [["mkdir", "/mkdir"], ["is_dir", "/mkdir"]])),
                Test("InitScratchFS", TestLastFail(
             [["mkdir", "/mkdir2/foo/bar"]]))]),

    Call("mkdir_p", RErr, [Pathname("path")], proc=49,
         shortdesc="create a directory and parents",
         longdesc="""
Create a directory named C<path>, creating any parent directories as
necessary.  This is like the C<mkdir -p> shell command.""",
         tests=[Test("InitScratchFS", TestResultTrue(
             [["mkdir_p", "/mkdir_p/foo/bar"], ["is_dir", "/mkdir_p/foo/bar"]])),
                Test("InitScratchFS", TestResultTrue(
             [["mkdir", "/mkdir_p2"], ["mkdir_p", "/mkdir_p2"],
              ["is_dir", "/mkdir_p2"]])),
                Test("InitScratchFS", TestLastFail(
             [["touch", "/mkdir_p3"], ["mkdir_p", "/mkdir_p3"]]))]),

    Call("rm", RErr, [Pathname("path")], proc=50,
         shortdesc="remove a file",
         longdesc="Remove the single file C<path>.",
         tests=[Test("InitScratchFS", TestResultFalse(
             [["touch", "/rm"], ["rm", "/rm"], ["exists", "/rm"]])),
                Test("InitScratchFS", TestLastFail([["rm", "/nosuchfile"]])),
                Test("InitScratchFS", TestLastFail(
             [["mkdir", "/rmdir_x"], ["rm", "/rmdir_x"]]))]),

    Call("rm_f", RErr, [Pathname("path")], proc=51,
         shortdesc="remove a file ignoring errors",
         longdesc="""
Remove the file C<path>.

If the file doesn't exist, that error is ignored.  (Other errors, eg.
I/O errors or bad paths, are not ignored)

This call cannot remove directories.  Use C<guestfs_rmdir> to remove an
empty directory, or C<guestfs_rm_rf> to remove directories
recursively.""",
         tests=[Test("InitScratchFS", TestRun([["rm_f", "/nosuchfile"]])),
                Test("InitScratchFS", TestResultFalse(
             [["touch", "/rm_f"], ["rm_f", "/rm_f"], ["exists", "/rm_f"]])),
                Test("InitScratchFS", TestLastFail(
             [["mkdir", "/rm_f_dir"], ["rm_f", "/rm_f_dir"]]))]),

    Call("rm_rf", RErr, [Pathname("path")], proc=52,
         shortdesc="remove a file or directory recursively",
         longdesc="""
Remove the file or directory C<path>, recursively removing the contents
if its a directory.  This is like the C<rm -rf> shell command.""",
         tests=[Test("InitScratchFS", TestResultFalse(
             [["mkdir_p", "/rm_rf/foo/bar"], ["touch", "/rm_rf/foo/bar/f"],
              ["ln_s", "/etc", "/rm_rf/foo/link"],
              ["rm_rf", "/rm_rf"], ["exists", "/rm_rf"]])),
                Test("InitScratchFS", TestRun([["rm_rf", "/nosuchfile"]]))]),

    Call("rmdir", RErr, [Pathname("path")], proc=53,
         shortdesc="remove a directory",
         longdesc="Remove the single directory C<path>.",
         tests=[Test("InitScratchFS", TestResultFalse(
             [["mkdir", "/rmdir"], ["rmdir", "/rmdir"], ["exists", "/rmdir"]])),
                Test("InitScratchFS", TestLastFail([["rmdir", "/nosuchdir"]])),
                Test("InitScratchFS", TestLastFail(
             [["touch", "/rmdir2"], ["rmdir", "/rmdir2"]]))]),

    Call("mv", RErr, [Pathname("src"), Pathname("dest")], proc=54,
         shortdesc="move a file",
         longdesc="""
This moves a file from C<src> to C<dest> where C<dest> is either a
destination filename or destination directory.  Moving between
filesystems works (the data is copied, then the source removed).""",
         tests=[Test("InitScratchFS", TestResultString(
             [["mkdir", "/mv"], ["write", "/mv/old", "file content"],
              ["mv", "/mv/old", "/mv/new"], ["cat", "/mv/new"]], "file content")),
                Test("InitScratchFS", TestResultFalse(
             [["mkdir", "/mv2"], ["write", "/mv2/old", "file content"],
              ["mv", "/mv2/old", "/mv2/new"], ["is_file", "/mv2/old"]])),
                Test("InitScratchFS", TestResultString(
             [["mkdir_p", "/mv3/d"], ["write", "/mv3/f", "x"],
              ["mv", "/mv3/f", "/mv3/d"], ["cat", "/mv3/d/f"]], "x"))]),

    Call("cp", RErr, [Pathname("src"), Pathname("dest")], proc=55,
         shortdesc="copy a file",
         longdesc="""
This copies a file from C<src> to C<dest> where C<dest> is either a
destination filename or destination directory.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["mkdir", "/cp"], ["write", "/cp/old", "file content"],
              ["cp", "/cp/old", "/cp/new"], ["cat", "/cp/new"]], "file content")),
                Test("InitScratchFS", TestResultTrue(
             [["mkdir", "/cp2"], ["write", "/cp2/old", "file content"],
              ["cp", "/cp2/old", "/cp2/new"], ["is_file", "/cp2/old"]])),
                Test("InitScratchFS", TestResultString(
             [["mkdir_p", "/cp3/dir"], ["write", "/cp3/old", "file content"],
              ["cp", "/cp3/old", "/cp3/dir"], ["cat", "/cp3/dir/old"]],
             "file content"))]),

    Call("cp_a", RErr, [Pathname("src"), Pathname("dest")], proc=56,
         shortdesc="copy a file or directory recursively",
         longdesc="""
This copies a file or directory from C<src> to C<dest> recursively using
the C<cp -a> semantics: ownership, permissions, timestamps, extended
attributes and symbolic links are preserved.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["mkdir_p", "/cp_a/src/sub"], ["write", "/cp_a/src/sub/f", "deep"],
              ["chmod", "0750", "/cp_a/src/sub"],
              ["cp_a", "/cp_a/src", "/cp_a/dst"], ["cat", "/cp_a/dst/sub/f"]],
             "deep")),
                Test("InitScratchFS", TestResult(
             [["mkdir_p", "/cp_a2/src"], ["chmod", "0750", "/cp_a2/src"],
              ["cp_a", "/cp_a2/src", "/cp_a2/dst"], ["statns", "/cp_a2/dst"]],
             "(ret->st_mode & 07777) == 0750"))]),

    Call("chmod", RErr, [Int("mode"), Pathname("path")], proc=57,
         shortdesc="change file mode",
         longdesc="""
Change the mode (permissions) of C<path> to C<mode>.  Only numeric modes
are supported.

I<Note>: When using this command from guestfish, C<mode> by default
would be decimal, unless you prefix it with C<0> to get octal, ie. use
C<0700> not C<700>.""",
         tests=[Test("InitScratchFS", TestResult(
             [["touch", "/chmod"], ["chmod", "0640", "/chmod"],
              ["statns", "/chmod"]], "(ret->st_mode & 07777) == 0640"))]),

    Call("chown", RErr, [Int("owner"), Int("group"), Pathname("path")],
         proc=58,
         shortdesc="change file owner and group",
         longdesc="""
Change the file owner to C<owner> and group to C<group>.

Only numeric uid and gid are supported.  If you want to use names, you
will need to locate and parse the password file yourself (Augeas support
makes this relatively easy).""",
         tests=[Test("InitScratchFS", TestResult(
             [["touch", "/chown"], ["chown", "1000", "1001", "/chown"],
              ["statns", "/chown"]], "ret->st_uid == 1000 && ret->st_gid == 1001"))]),

    Call("exists", RBool, [Pathname("path")], proc=59,
         shortdesc="test if file or directory exists",
         longdesc="""
This returns C<true> if and only if there is a file, directory (or
anything) with the given C<path> name.""",
         tests=[Test("InitScratchFS", TestResultTrue(
             [["touch", "/exists"], ["exists", "/exists"]])),
                Test("InitScratchFS", TestResultFalse(
             [["exists", "/nosuchfile"]]))]),

    Call("is_file", RBool, [Pathname("path")], [OBool("followsymlinks")],
         proc=60, once_had_no_optargs=True, fish_alias=["is-file-opts"],
         shortdesc="test if a regular file",
         longdesc="""
This returns C<true> if and only if there is a regular file with the
given C<path> name.  Note that it returns false for other objects like
directories.

If the optional flag C<followsymlinks> is true, then a symlink (or chain
of symlinks) that ends with a file also causes the function to return
true.""",
         tests=[Test("InitScratchFS", TestResultTrue(
             [["touch", "/is_file"], ["is_file", "/is_file"]])),
                Test("InitScratchFS", TestResultFalse(
             [["mkdir", "/is_file_d"], ["is_file", "/is_file_d"]])),
                Test("InitScratchFS", TestResultFalse(
             [["touch", "/is_file_t"], ["ln_s", "is_file_t", "/is_file_l"],
              ["is_file", "/is_file_l"]])),
                Test("InitScratchFS", TestResultTrue(
             [["touch", "/is_file_t2"], ["ln_s", "is_file_t2", "/is_file_l2"],
              ["is_file", "/is_file_l2", "followsymlinks:true"]]))]),

    Call("is_dir", RBool, [Pathname("path")], [OBool("followsymlinks")],
         proc=61, once_had_no_optargs=True, fish_alias=["is-dir-opts"],
         shortdesc="test if a directory",
         longdesc="""
This returns C<true> if and only if there is a directory with the given
C<path> name.  Note that it returns false for other objects like files.

If the optional flag C<followsymlinks> is true, then a symlink (or chain
of symlinks) that ends with a directory also causes the function to
return true.""",
         tests=[Test("InitScratchFS", TestResultTrue(
             [["mkdir", "/is_dir"], ["is_dir", "/is_dir"]])),
                Test("InitScratchFS", TestResultFalse(
             [["touch", "/is_dir_f"], ["is_dir", "/is_dir_f"]])),
                Test("InitScratchFS", TestResultTrue(
             [["ln_s", "/lost+found", "/is_dir_l"],
              ["is_dir", "/is_dir_l", "followsymlinks:true"]]))]),

    Call("is_symlink", RBool, [Pathname("path")], proc=62,
         shortdesc="test if symbolic link",
         longdesc="""
This returns C<true> if and only if there is a symbolic link with the
given C<path> name.""",
         tests=[Test("InitScratchFS", TestResultTrue(
             [["ln_s", "/nowhere", "/is_symlink"], ["is_symlink", "/is_symlink"]])),
                Test("InitScratchFS", TestResultFalse(
             [["touch", "/is_symlink_f"], ["is_symlink", "/is_symlink_f"]]))]),

    Call("statns", RStruct("statns"), [Pathname("path")], proc=63,
         shortdesc="get file information",
         longdesc="""
Returns file information for the given C<path>.

This is the same as the L<stat(2)> system call.""",
         tests=[Test("InitScratchFS", TestResult(
             [["write", "/statns", "12345"], ["statns", "/statns"]],
             "ret->st_size == 5 && (ret->st_mode & S_IFMT) == S_IFREG && "
             "ret->st_nlink == 1"))]),

    Call("lstatns", RStruct("statns"), [Pathname("path")], proc=64,
         shortdesc="get file information for a symbolic link",
         longdesc="""
Returns file information for the given C<path>.

This is the same as C<guestfs_statns> except that if C<path> is a
symbolic link, then the link is stat-ed, not the file it refers to.

This is the same as the L<lstat(2)> system call.""",
         tests=[Test("InitScratchFS", TestResult(
             [["ln_s", "/lost+found", "/lstatns"], ["lstatns", "/lstatns"]],
             "(ret->st_mode & S_IFMT) == S_IFLNK && ret->st_size == 11"))]),

    Call("readlink", RString, [Pathname("path")], proc=65,
         shortdesc="read the target of a symbolic link",
         longdesc="This command reads the target of a symbolic link.",
         tests=[Test("InitScratchFS", TestResultString(
             [["ln_s", "../some/target", "/readlink"], ["readlink", "/readlink"]],
             "../some/target")),
                Test("InitScratchFS", TestLastFail(
             [["touch", "/readlink_f"], ["readlink", "/readlink_f"]]))]),

    Call("ln_s", RErr, [String("target"), Pathname("linkname")], proc=66,
         shortdesc="create a symbolic link",
         longdesc="""
This command creates a symbolic link using the C<ln -s> command.  The
C<target> is stored verbatim.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["ln_s", "/a/b", "/ln_s"], ["readlink", "/ln_s"]], "/a/b")),
                Test("InitScratchFS", TestLastFail(
             [["touch", "/ln_s2"], ["ln_s", "x", "/ln_s2"]]))]),

    Call("filesize", RInt64, [Pathname("file")], proc=67,
         shortdesc="return the size of the file in bytes",
         longdesc="""
This command returns the size of F<file> in bytes.

To get other stats about a file, use C<guestfs_statns>,
C<guestfs_lstatns>, C<guestfs_is_dir>, C<guestfs_is_file> etc.""",
         tests=[Test("InitScratchFS", TestResultInt(
             [["write", "/filesize", "hello, world"], ["filesize", "/filesize"]],
             12))]),

    Call("checksum", RString, [String("csumtype"), Pathname("path")],
         proc=68,
         shortdesc="compute MD5, SHAx or CRC checksum of file",
         longdesc="""
This call computes the MD5, SHAx or CRC checksum of the file named
C<path>.

The type of checksum to compute is given by the C<csumtype> parameter
which must have one of the following values:

=over 4

=item C<crc>

Compute the cyclic redundancy check (CRC) specified by POSIX for the
C<cksum> command.

=item C<md5>

=item C<sha1>

=item C<sha224>

=item C<sha256>

=item C<sha384>

=item C<sha512>

Compute the checksum using the corresponding C<*sum> program.

=back

The checksum is returned as a printable string.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["write", "/checksum", "abc"], ["checksum", "md5", "/checksum"]],
             "900150983cd24fb0d6963f7d28e17f72")),
                Test("InitScratchFS", TestResultString(
             [["write", "/checksum2", "abc"], ["checksum", "sha256", "/checksum2"]],
             "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")),
                Test("InitScratchFS", TestResultString(
             [["write", "/checksum3", "abc"], ["checksum", "crc", "/checksum3"]],
             "1219131554")),
                Test("InitScratchFS", TestLastFail(
             [["write", "/checksum4", "abc"], ["checksum", "nosuch", "/checksum4"]]))]),

    Call("head", RStringList, [Pathname("path")], proc=69,
         shortdesc="return first 10 lines of a file",
         longdesc="""
This command returns up to the first 10 lines of a file as a list of
strings.""",
         tests=[Test("InitScratchFS", TestResultList(
             [["write", "/head", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n"],
              ["head", "/head"]],
             ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"])),
                Test("InitScratchFS", TestResultList(
             [["write", "/head2", "a\nb"], ["head", "/head2"]], ["a", "b"]))]),

    Call("tail", RStringList, [Pathname("path")], proc=70,
         shortdesc="return last 10 lines of a file",
         longdesc="""
This command returns up to the last 10 lines of a file as a list of
strings.""",
         tests=[Test("InitScratchFS", TestResultList(
             [["write", "/tail", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n"],
              ["tail", "/tail"]],
             ["3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]))]),

    Call("find", RStringList, [Pathname("directory")], proc=71,
         shortdesc="find all files and directories",
         longdesc="""
This command lists out all files and directories, recursively, starting
at F<directory>.  It is essentially equivalent to running the shell
command C<find directory -print> but some post-processing happens on the
output, described below.

This returns a list of strings I<without any prefix>.  Thus if the
directory structure was:

 /tmp/a
 /tmp/b
 /tmp/c/d

then the returned list from C<guestfs_find> F</tmp> would be 4 elements:

 a
 b
 c
 c/d

If F<directory> is not a directory, then this command returns an error.

The returned list is sorted.  Symbolic links are listed, not followed.""",
         tests=[Test("InitScratchFS", TestResultList(
             [["mkdir_p", "/find/b/c"], ["touch", "/find/b/c/d"],
              ["touch", "/find/a"], ["ln_s", "/", "/find/l"], ["find", "/find"]],
             ["a", "b", "b/c", "b/c/d", "l"]))]),

    Call("readdir", RStructList("dirent"), [Pathname("dir")], proc=72,
         shortdesc="read directories entries",
         longdesc="""
This returns the list of directory entries in directory C<dir>.

All entries in the directory are returned, including C<.> and C<..>.
The entries are I<not> sorted, but returned in the same order as the
underlying filesystem.

The C<ftyp> field is one of: C<b> block device, C<c> char device, C<d>
directory, C<f> FIFO (named pipe), C<l> symbolic link, C<r> regular file,
C<s> socket, C<u> unknown file type, C<?> the L<readdir(3)> call returned
a C<d_type> field with an unexpected value.""",
         tests=[Test("InitScratchFS", TestResult(
             [["mkdir", "/readdir"], ["touch", "/readdir/f"],
              ["mkdir", "/readdir/d"], ["readdir", "/readdir"]],
             "ret->len == 4 && dirent_has (ret, \"f\", 'r') && "
             "dirent_has (ret, \"d\", 'd') && dirent_has (ret, \".\", 'd')"))]),
]
