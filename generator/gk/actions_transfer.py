"""Daemon calls that stream files between the host and the guest, and the
daemon's own housekeeping calls."""

from .types import *

TRANSFER_CALLS = [
    Call("upload", RErr, [FileIn("filename"), Dev_or_Path("remotefilename")],
         proc=80, progress=True, cancellable=True,
         shortdesc="upload a file from the local machine",
         longdesc="""
Upload local file F<filename> to F<remotefilename> on the filesystem.

F<filename> can also be a named pipe.  The file is streamed in chunks, so
there is no limit on its size; a large regular file is read by the
appliance from a temporary read-only disk instead (see
L<guestfs(3)/Large uploads>).

See also C<guestfs_download>.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["write", "/upload_src", "upload test"],
              ["download", "/upload_src", "testdownload.tmp"],
              ["upload", "testdownload.tmp", "/upload_dst"],
              ["cat", "/upload_dst"]], "upload test"))]),

    Call("download", RErr, [Dev_or_Path("remotefilename"), FileOut("filename")],
         proc=81, progress=True, cancellable=True,
         shortdesc="download a file to the local machine",
         longdesc="""
Download file F<remotefilename> and save it as F<filename> on the local
machine.

F<filename> can also be a named pipe.  The file is streamed in chunks, so
there is no limit on its size.

See also C<guestfs_upload>, C<guestfs_cat>.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["write", "/download", "download test"],
              ["download", "/download", "testdownload2.tmp"],
              ["upload", "testdownload2.tmp", "/download2"],
              ["checksum", "md5", "/download2"]],
             "d3c50d0643b625b0ba7bbff00ca19517"))]),

    Call("tar_in", RErr, [FileIn("tarfile"), Pathname("directory")],
         [OString("compress"), OBool("xattrs"), OBool("selinux"),
          OBool("acls")],
         proc=82, once_had_no_optargs=True, fish_alias=["tar-in-opts"],
         progress=True, cancellable=True,
         shortdesc="unpack tarfile to directory",
         longdesc="""
This command uploads and unpacks local file C<tarfile> into
F<directory>.

The optional C<compress> flag controls compression.  If not given, then
the input should be an uncompressed tar file.  Otherwise one of the
following strings may be given to select the compression type of the
input file: C<compress>, C<gzip>, C<bzip2>, C<xz>, C<lzop>, C<lzma>,
C<zstd>.

The other optional arguments are:

=over 4

=item C<xattrs>

If set to true, extended attributes are restored from the tar file.

=item C<selinux>

If set to true, SELinux contexts are restored from the tar file.

=item C<acls>

If set to true, POSIX ACLs are restored from the tar file.

=back

Members are extracted inside F<directory> only: absolute names and
C<..> components cannot escape it, and existing symbolic links in the
guest are not followed out of the guest's root.""",
         tests=[Test("InitScratchFS", TestResultString(
             [["mkdir_p", "/tar_in/src/d"], ["write", "/tar_in/src/d/f", "tarred"],
              ["tar_out", "/tar_in/src", "testtar.tmp"],
              ["mkdir", "/tar_in/dst"],
              ["tar_in", "testtar.tmp", "/tar_in/dst"],
              ["cat", "/tar_in/dst/d/f"]], "tarred")),
                Test("InitScratchFS", TestResultString(
             [["mkdir_p", "/tar_in2/src"], ["write", "/tar_in2/src/f", "gz"],
              ["tar_out", "/tar_in2/src", "testtgz.tmp", "compress:gzip"],
              ["mkdir", "/tar_in2/dst"],
              ["tar_in", "testtgz.tmp", "/tar_in2/dst", "compress:gzip"],
              ["cat", "/tar_in2/dst/f"]], "gz"))]),

    Call("tar_out", RErr, [Pathname("directory"), FileOut("tarfile")],
         [OString("compress"), OBool("numericowner"), OStringList("excludes"),
          OBool("xattrs"), OBool("selinux"), OBool("acls")],
         proc=83, once_had_no_optargs=True, fish_alias=["tar-out-opts"],
         progress=True, cancellable=True,
         shortdesc="pack directory into tarfile",
         longdesc="""
This command packs the contents of F<directory> and downloads it to local
file C<tarfile>.

The optional C<compress> flag controls compression.  If not given, then
the output will be an uncompressed tar file.  Otherwise one of the
following strings may be given to select the compression type of the
output file: C<compress>, C<gzip>, C<bzip2>, C<xz>, C<lzop>, C<lzma>,
C<zstd>.

The other optional arguments are:

=over 4

=item C<excludes>

A list of wildcards.  Files are excluded if they match any of the
wildcards.

=item C<numericowner>

If set to true, the output tar file will contain UID/GID numbers instead
of user/group names.

=item C<xattrs>

If set to true, extended attributes are saved in the output tar.

=item C<selinux>

If set to true, SELinux contexts are saved in the output tar.

=item C<acls>

If set to true, POSIX ACLs are saved in the output tar.

=back""",
         tests=[Test("InitScratchFS", TestResultString(
             [["mkdir_p", "/tar_out/src"], ["write", "/tar_out/src/keep", "k"],
              ["write", "/tar_out/src/skip.o", "s"],
              ["tar_out", "/tar_out/src", "testtar2.tmp", "excludes:*.o"],
              ["mkdir", "/tar_out/dst"],
              ["tar_in", "testtar2.tmp", "/tar_out/dst"],
              ["cat", "/tar_out/dst/keep"]], "k")),
                Test("InitScratchFS", TestResultFalse(
             [["mkdir_p", "/tar_out2/src"], ["write", "/tar_out2/src/keep", "k"],
              ["write", "/tar_out2/src/skip.o", "s"],
              ["tar_out", "/tar_out2/src", "testtar3.tmp", "excludes:*.o"],
              ["mkdir", "/tar_out2/dst"],
              ["tar_in", "testtar3.tmp", "/tar_out2/dst"],
              ["exists", "/tar_out2/dst/skip.o"]]))]),

    Call("ping_daemon", RErr, [], proc=90,
         shortdesc="ping the guest daemon",
         longdesc="""
This is a test probe into the guestfs daemon running inside the
appliance.  Calling this function checks that the daemon responds to
the ping message, without affecting the daemon or attached block
device(s) in any other way.""",
         tests=[Test("InitNone", TestRun([["ping_daemon"]]))]),

    Call("internal_autosync", RErr, [], proc=91, internal=True,
         shortdesc="internal autosync operation",
         longdesc="""
This command performs the autosync operation just before the handle is
closed: all filesystems are unmounted and disks are synced."""),
]
