"""Filesystem creation, labels and UUIDs, checking, resizing, swap, and the ext/xfs/btrfs/ntfs specific tools.

Daemon procedure numbers for this file: 250 to 329."""

from .types import *

PROC_RANGE = (250, 329)

# A UUID the tests set and read back.
STABLE_UUID = "01234567-0123-0123-0123-0123456789ab"

# The arguments of a btrfs filesystem on /dev/sda1 for tests.
_BTRFS = [["mkfs_btrfs", "/dev/sda1"], ["mount", "/dev/sda1", "/"]]

# A swap file needs at least 10 pages; its data must be allocated.
_SWAPFILE = "x" * 65536

FS2_CALLS = [
    # ---- ext2/3/4 ----------------------------------------------------

    Call("mke2fs", RErr, [Device("device")],
         [OInt64("blockscount"), OInt64("blocksize"), OInt64("fragsize"),
          OInt64("blockspergroup"), OInt64("numberofgroups"),
          OInt64("bytesperinode"), OInt64("inodesize"), OInt64("journalsize"),
          OInt64("numberofinodes"), OInt64("stridesize"),
          OInt64("stripewidth"), OInt64("maxonlineresize"),
          OInt("reservedblockspercentage"), OInt("mmpupdateinterval"),
          OString("journaldevice"), OString("label"),
          OString("lastmounteddir"), OString("creatoros"), OString("fstype"),
          OString("usagetype"), OString("uuid"), OBool("forcecreate"),
          OBool("writesbandgrouponly"), OBool("lazyitableinit"),
          OBool("lazyjournalinit"), OBool("testfs"), OBool("discard"),
          OBool("quotatype"), OBool("extent"), OBool("filetype"),
          OBool("flexbg"), OBool("hasjournal"), OBool("journaldev"),
          OBool("largefile"), OBool("quota"), OBool("resizeinode"),
          OBool("sparsesuper"), OBool("uninitbg")],
         proc=250, progress=True,
         shortdesc="create an ext2/ext3/ext4 filesystem on device",
         longdesc="""
C<mke2fs> is used to create an ext2, ext3, or ext4 filesystem on
C<device>.

The optional C<blockscount> is the size of the filesystem in blocks.  If
omitted it defaults to the size of C<device>.  Note if the filesystem is
too small to contain a journal, C<mke2fs> will silently create an ext2
filesystem instead.

The other optional arguments map to the options of L<mke2fs(8)>:
C<blocksize> (I<-b>), C<fragsize> (I<-f>), C<blockspergroup> (I<-g>),
C<numberofgroups> (I<-G>), C<bytesperinode> (I<-i>), C<inodesize>
(I<-I>), C<journalsize> (I<-J size=>, in megabytes), C<numberofinodes>
(I<-N>), C<stridesize>, C<stripewidth> and C<maxonlineresize> (the
extended options I<stride=>, I<stripe_width=> and I<resize=>),
C<reservedblockspercentage> (I<-m>), C<mmpupdateinterval>
(I<-E mmp_update_interval=>), C<journaldevice> (I<-J device=>: a device
name, or C<LABEL=>I<label> or C<UUID=>I<uuid> of an external journal),
C<label> (I<-L>), C<lastmounteddir> (I<-M>), C<creatoros> (I<-o>),
C<fstype> (I<-t>: C<ext2>, C<ext3> or C<ext4>), C<usagetype> (I<-T>),
C<uuid> (I<-U>), C<forcecreate> (I<-F>), C<writesbandgrouponly>
(I<-S>), C<lazyitableinit>, C<lazyjournalinit>, C<testfs> and
C<discard> (extended options).

The boolean options C<extent>, C<filetype>, C<flexbg>, C<hasjournal>,
C<journaldev>, C<largefile>, C<quota>, C<resizeinode>, C<sparsesuper>
and C<uninitbg> turn the filesystem feature of that name on (true) or
off (false), as I<-O> does.  C<quotatype> is accepted for compatibility
and changes nothing: with C<quota> the default quota types are used.

Any old filesystem or partition table signatures on C<device> are
erased first.""",
         tests=[Test("InitEmpty", TestResultString(
             [["part_init", "/dev/sda", "mbr"],
              ["part_add", "/dev/sda", "p", "64", "204799"],
              ["part_add", "/dev/sda", "p", "204800", "-64"],
              ["mke2fs", "/dev/sda1", "blocksize:4096", "journaldev:true"],
              ["mke2fs", "/dev/sda2", "blocksize:4096",
               "journaldevice:/dev/sda1", "fstype:ext2"],
              ["mount", "/dev/sda2", "/"],
              ["write", "/new", "new file contents"],
              ["cat", "/new"]], "new file contents")),
                Test("InitPartition", TestResult(
             [["mke2fs", "/dev/sda1", "blockscount:10000", "blocksize:1024",
               "fstype:ext4", "label:MKE2FS", "uuid:" + STABLE_UUID],
              ["tune2fs_l", "/dev/sda1"]],
             'hash_has (ret, "Block count", "10000") && '
             'hash_has (ret, "Block size", "1024") && '
             'hash_has (ret, "Filesystem volume name", "MKE2FS") && '
             'hash_has (ret, "Filesystem UUID", "%s")' % STABLE_UUID)),
                Test("InitPartition", TestLastFail(
             [["mke2fs", "/dev/sda1", "fstype:xfs"]])),
                Test("InitBasicFS", TestLastFail(
             [["mke2fs", "/dev/sda1"]]))]),

    Call("tune2fs", RErr, [Device("device")],
         [OBool("force"), OInt("maxmountcount"), OInt("mountcount"),
          OString("errorbehavior"), OInt64("group"),
          OInt("intervalbetweenchecks"), OInt("reservedblockspercentage"),
          OString("lastmounteddirectory"), OInt64("reservedblockscount"),
          OInt64("user")],
         proc=251,
         shortdesc="adjust ext2/ext3/ext4 filesystem parameters",
         longdesc="""
This call allows you to adjust various filesystem parameters of an
ext2/ext3/ext4 filesystem called C<device>.

The optional parameters are:

=over 4

=item C<force>

Force tune2fs to complete the operation even in the face of errors.
This is the same as the L<tune2fs(8)> C<-f> option.

=item C<maxmountcount>

Set the number of mounts after which the filesystem is checked by
L<e2fsck(8)>.  If this is C<0> then the number of mounts is
disregarded.  This is the same as the L<tune2fs(8)> C<-c> option.

=item C<mountcount>

Set the number of times the filesystem has been mounted.  This is the
same as the L<tune2fs(8)> C<-C> option.

=item C<errorbehavior>

Change the behavior of the kernel code when errors are detected.
Possible values currently are: C<continue>, C<remount-ro>, C<panic>.
In practice these options don't really make any difference,
particularly for write errors.

This is the same as the L<tune2fs(8)> C<-e> option.

=item C<group>

Set the group which can use reserved filesystem blocks.  This is the
same as the L<tune2fs(8)> C<-g> option except that it can only be
specified as a number.

=item C<intervalbetweenchecks>

Adjust the maximal time between two filesystem checks (in seconds).  If
the option is passed as C<0> then time-dependent checking is disabled.

This is the same as the L<tune2fs(8)> C<-i> option.

=item C<reservedblockspercentage>

Set the percentage of the filesystem which may only be allocated by
privileged processes.  This is the same as the L<tune2fs(8)> C<-m>
option.

=item C<lastmounteddirectory>

Set the last mounted directory.  This is the same as the L<tune2fs(8)>
C<-M> option.

=item C<reservedblockscount>

Set the number of reserved filesystem blocks.  This is the same as the
L<tune2fs(8)> C<-r> option.

=item C<user>

Set the user who can use the reserved filesystem blocks.  This is the
same as the L<tune2fs(8)> C<-u> option except that it can only be
specified as a number.

=back

To get the current values of filesystem parameters, see
C<guestfs_tune2fs_l>.  For precise details of how tune2fs works, see
the L<tune2fs(8)> man page.""",
         tests=[Test("InitScratchFS", TestResult(
             [["tune2fs", "/dev/sdb1", "force:false", "maxmountcount:0",
               "intervalbetweenchecks:0"],
              ["tune2fs_l", "/dev/sdb1"]],
             'hash_has (ret, "Check interval", "0 (<none>)") && '
             'hash_has (ret, "Maximum mount count", "-1")')),
                Test("InitScratchFS", TestResult(
             [["tune2fs", "/dev/sdb1", "maxmountcount:0",
               "intervalbetweenchecks:86400"],
              ["tune2fs_l", "/dev/sdb1"]],
             'hash_has (ret, "Check interval", "86400 (1 day)") && '
             'hash_has (ret, "Maximum mount count", "-1")')),
                Test("InitScratchFS", TestResult(
             [["tune2fs", "/dev/sdb1", "group:1", "user:1",
               "errorbehavior:remount-ro", "lastmounteddirectory:/tune2fs"],
              ["tune2fs_l", "/dev/sdb1"]],
             'strncmp (hash_get (ret, "Reserved blocks uid"), "1 ", 2) == 0 && '
             'strncmp (hash_get (ret, "Reserved blocks gid"), "1 ", 2) == 0 && '
             'hash_has (ret, "Errors behavior", "Remount read-only") && '
             'hash_has (ret, "Last mounted on", "/tune2fs")')),
                Test("InitScratchFS", TestRun(
             [["tune2fs", "/dev/sdb1", "group:0", "user:0",
               "errorbehavior:continue", "maxmountcount:20"]])),
                Test("InitScratchFS", TestLastFail(
             [["tune2fs", "/dev/sdb1", "errorbehavior:explode"]]))]),

    Call("tune2fs_l", RHashtable, [Device("device")], proc=252,
         shortdesc="get ext2/ext3/ext4 superblock details",
         longdesc="""
This returns the contents of the ext2, ext3 or ext4 filesystem
superblock on C<device>.

It is the same as running C<tune2fs -l device>.  See L<tune2fs(8)>
manpage for more details.  The list of fields returned isn't clearly
defined, and depends on both the version of C<tune2fs> that libguestfs
was built against, and the filesystem itself.

Values shown by tune2fs as C<E<lt>noneE<gt>>, C<E<lt>not availableE<gt>>
or C<(none)> are returned as empty strings.""",
         tests=[Test("InitScratchFS", TestResult(
             [["tune2fs_l", "/dev/sdb1"]],
             'hash_has (ret, "Filesystem magic number", "0xEF53") && '
             'hash_has (ret, "Filesystem OS type", "Linux") && '
             'hash_has (ret, "Filesystem volume name", "")')),
                Test("InitPartition", TestLastFail(
             [["mkfs", "vfat", "/dev/sda1"], ["tune2fs_l", "/dev/sda1"]]))]),

    Call("get_e2label", RString, [Device("device")], proc=253,
         deprecated_by="vfs_label",
         shortdesc="get the ext2/3/4 filesystem label",
         longdesc="""
This returns the ext2/3/4 filesystem label of the filesystem on
C<device>.""",
         tests=[Test("InitBasicFS", TestResultString(
             [["set_e2label", "/dev/sda1", "e2label"],
              ["get_e2label", "/dev/sda1"]], "e2label"))]),

    Call("set_e2label", RErr, [Device("device"), String("label")], proc=254,
         deprecated_by="set_label",
         shortdesc="set the ext2/3/4 filesystem label",
         longdesc="""
This sets the ext2/3/4 filesystem label of the filesystem on C<device>
to C<label>.  Filesystem labels are limited to 16 characters.

You can use either C<guestfs_tune2fs_l> or C<guestfs_get_e2label> to
return the existing label on a filesystem.""",
         tests=[Test("InitBasicFS", TestResultString(
             [["set_e2label", "/dev/sda1", "testlabel"],
              ["get_e2label", "/dev/sda1"]], "testlabel")),
                Test("InitBasicFS", TestLastFail(
             [["set_e2label", "/dev/sda1", "a-label-of-17-chr"]]))]),

    Call("get_e2uuid", RString, [Device("device")], proc=255,
         deprecated_by="vfs_uuid",
         shortdesc="get the ext2/3/4 filesystem UUID",
         longdesc="""
This returns the ext2/3/4 filesystem UUID of the filesystem on
C<device>.""",
         tests=[Test("InitBasicFS", TestResultString(
             [["set_e2uuid", "/dev/sda1", STABLE_UUID],
              ["get_e2uuid", "/dev/sda1"]], STABLE_UUID))]),

    Call("set_e2uuid", RErr, [Device("device"), String("uuid")], proc=256,
         deprecated_by="set_uuid",
         shortdesc="set the ext2/3/4 filesystem UUID",
         longdesc="""
This sets the ext2/3/4 filesystem UUID of the filesystem on C<device>
to C<uuid>.  The format of the UUID and alternatives such as C<clear>,
C<random> and C<time> are described in the L<tune2fs(8)> manpage.

You can use C<guestfs_vfs_uuid> to return the existing UUID of a
filesystem.""",
         tests=[Test("InitBasicFS", TestResultString(
             [["set_e2uuid", "/dev/sda1", STABLE_UUID],
              ["get_e2uuid", "/dev/sda1"]], STABLE_UUID)),
                Test("InitBasicFS", TestResultString(
             [["set_e2uuid", "/dev/sda1", "clear"],
              ["get_e2uuid", "/dev/sda1"]], "")),
                Test("InitBasicFS", TestResult(
             [["set_e2uuid", "/dev/sda1", "random"],
              ["set_e2uuid", "/dev/sda1", "time"],
              ["get_e2uuid", "/dev/sda1"]], "strlen (ret) == 36")),
                Test("InitBasicFS", TestLastFail(
             [["set_e2uuid", "/dev/sda1", "not-a-uuid"]]))]),

    Call("resize2fs", RErr, [Device("device")], proc=257, progress=True,
         shortdesc="resize an ext2, ext3 or ext4 filesystem",
         longdesc="""
This resizes an ext2, ext3 or ext4 filesystem to match the size of the
underlying device.

If the filesystem is not mounted it is checked first with
C<e2fsck -f -y>, which L<resize2fs(8)> requires.

See also L<guestfs(3)/RESIZE2FS ERRORS>.""",
         tests=[Test("InitPartition", TestResult(
             [["mke2fs", "/dev/sda1", "blockscount:10000", "blocksize:1024"],
              ["resize2fs", "/dev/sda1"],
              ["tune2fs_l", "/dev/sda1"]],
             'atoll (hash_get (ret, "Block count")) > 400000')),
                Test("InitPartition", TestLastFail(
             [["mkfs", "vfat", "/dev/sda1"], ["resize2fs", "/dev/sda1"]]))]),

    Call("resize2fs_size", RErr, [Device("device"), Int64("size")], proc=258,
         progress=True,
         shortdesc="resize an ext2, ext3 or ext4 filesystem (with size)",
         longdesc="""
This command is the same as C<guestfs_resize2fs> except that it allows
you to specify the new size (in bytes) explicitly.  The size must be a
whole number of kilobytes.

See also L<guestfs(3)/RESIZE2FS ERRORS>.""",
         tests=[Test("InitPartition", TestResult(
             [["mke2fs", "/dev/sda1", "blockscount:10000", "blocksize:1024"],
              ["resize2fs_size", "/dev/sda1", "20480000"],
              ["tune2fs_l", "/dev/sda1"]],
             'hash_has (ret, "Block count", "20000")')),
                Test("InitBasicFS", TestLastFail(
             [["resize2fs_size", "/dev/sda1", "1000001"]]))]),

    Call("resize2fs_M", RErr, [Device("device")], proc=259, progress=True,
         shortdesc="resize an ext2, ext3 or ext4 filesystem to the minimum size",
         longdesc="""
This command is the same as C<guestfs_resize2fs>, but the filesystem is
resized to its minimum size.  This works like the I<-M> option to the
L<resize2fs(8)> command.

To get the resulting size of the filesystem you should call
C<guestfs_tune2fs_l> and read the C<Block size> and C<Block count>
values.  These two numbers, multiplied together, give the resulting
size of the minimal filesystem in bytes.

See also L<guestfs(3)/RESIZE2FS ERRORS>.""",
         tests=[Test("InitBasicFS", TestResult(
             [["write", "/f", "resize2fs_M"], ["umount", "/"],
              ["resize2fs_M", "/dev/sda1"],
              ["tune2fs_l", "/dev/sda1"]],
             'atoll (hash_get (ret, "Block count")) < 100000'))]),

    Call("e2fsck", RErr, [Device("device")],
         [OBool("correct"), OBool("forceall")], proc=260, progress=True,
         shortdesc="check an ext2/ext3 filesystem",
         longdesc="""
This runs the ext2/ext3 filesystem checker on C<device>.  It can take
the following optional arguments:

=over 4

=item C<correct>

Automatically repair the file system.  This option will cause e2fsck to
automatically fix any filesystem problems that can be safely fixed
without human intervention.

This option may not be specified at the same time as the C<forceall>
option.

=item C<forceall>

Assume an answer of 'yes' to all questions; allows e2fsck to be used
non-interactively.

This option may not be specified at the same time as the C<correct>
option.

=back

The check is always forced (I<-f>).  The call fails if errors are left
uncorrected, or corrected ones need a reboot (exit status 2 or more).""",
         tests=[Test("InitBasicFS", TestRun(
             [["umount", "/dev/sda1"],
              ["e2fsck", "/dev/sda1", "correct:true"],
              ["e2fsck", "/dev/sda1", "forceall:true"]])),
                Test("InitBasicFS", TestLastFail(
             [["umount", "/dev/sda1"],
              ["e2fsck", "/dev/sda1", "correct:true", "forceall:true"]])),
                Test("InitPartition", TestLastFail(
             [["zero", "/dev/sda1"],
              ["e2fsck", "/dev/sda1", "forceall:true"]]))]),

    Call("e2fsck_f", RErr, [Device("device")], proc=261, progress=True,
         deprecated_by="e2fsck",
         shortdesc="check an ext2/ext3 filesystem",
         longdesc="""
This runs C<e2fsck -p -f device>, ie. runs the ext2/ext3 filesystem
checker on C<device>, noninteractively (I<-p>), even if the filesystem
appears to be clean (I<-f>).""",
         tests=[Test("InitBasicFS", TestRun(
             [["umount", "/dev/sda1"], ["e2fsck_f", "/dev/sda1"]]))]),

    Call("zerofree", RErr, [Device("device")], proc=262, progress=True,
         optional="zerofree",
         shortdesc="zero unused inodes and disk blocks on ext2/3 filesystem",
         longdesc="""
This runs the I<zerofree> program on C<device>.  This program claims to
zero unused inodes and disk blocks on an ext2/3 filesystem, thus making
it possible to compress the filesystem more effectively.

You should B<not> run this program if the filesystem is mounted: the
call refuses a mounted device.

It is possible that using this program can damage the filesystem or
data on the filesystem.""",
         tests=[Test("InitPartition", TestResultString(
             [["mkfs", "ext3", "/dev/sda1"],
              ["mount", "/dev/sda1", "/"],
              ["write", "/new", "test file"],
              ["umount", "/dev/sda1"],
              ["zerofree", "/dev/sda1"],
              ["mount", "/dev/sda1", "/"],
              ["cat", "/new"]], "test file")),
                Test("InitBasicFS", TestLastFail(
             [["zerofree", "/dev/sda1"]]))]),

    Call("get_e2attrs", RString, [Pathname("file")], proc=263,
         shortdesc="get ext2 file attributes of a file",
         longdesc="""
This returns the file attributes associated with F<file>.

The attributes are a set of bits associated with each inode which
affect the behaviour of the file.  The attributes are returned as a
string of letters (described below).  The string may be empty,
indicating that no file attributes are set for this file.  The letters
are sorted.

These attributes are only present when the file is located on an
ext2/3/4 filesystem.  Using this call on other filesystem types will
result in an error.

The characters (file attributes) in the returned string are currently:

=over 4

=item 'A'

When the file is accessed, its atime is not modified.

=item 'a'

The file is append-only.

=item 'c'

The file is compressed on-disk.

=item 'D'

(Directories only.)  Changes to this directory are written
synchronously to disk.

=item 'd'

The file is not a candidate for backup (see L<dump(8)>).

=item 'E'

The file has compression errors.

=item 'e'

The file is using extents.

=item 'h'

The file is storing its blocks in units of the filesystem blocksize
instead of sectors.

=item 'I'

(Directories only.)  The directory is using hashed trees.

=item 'i'

The file is immutable.  It cannot be modified, deleted or renamed.  No
link can be created to this file.

=item 'j'

The file is data-journaled.

=item 's'

When the file is deleted, all its blocks will be zeroed.

=item 'S'

Changes to this file are written synchronously to disk.

=item 'T'

(Directories only.)  This is a hint to the block allocator that
subdirectories contained in this directory should be spread across
blocks.  If not present, the block allocator will try to group
subdirectories together.

=item 't'

For a file, this disables tail-merging.  (Not used by upstream
implementations of ext2.)

=item 'u'

When the file is deleted, its blocks will be saved, allowing the file
to be undeleted.

=item 'X'

The raw contents of the compressed file may be accessed.

=item 'Z'

The compressed file is dirty.

=back

More file attributes may be added to this list later.  Not all file
attributes may be set for all kinds of files.  For detailed
information, consult the L<chattr(1)> man page.

See also C<guestfs_set_e2attrs>.

Don't confuse these attributes with extended attributes (see
C<guestfs_getxattr>).""",
         tests=[Test("InitScratchFS", TestResultString(
             [["touch", "/e2attrs1"], ["get_e2attrs", "/e2attrs1"]], "")),
                Test("InitScratchFS", TestResultString(
             [["touch", "/e2attrs2"],
              ["set_e2attrs", "/e2attrs2", "sd", "clear:false"],
              ["get_e2attrs", "/e2attrs2"]], "ds")),
                Test("InitScratchFS", TestResultString(
             [["touch", "/e2attrs3"],
              ["set_e2attrs", "/e2attrs3", "is"],
              ["set_e2attrs", "/e2attrs3", "i", "clear:true"],
              ["get_e2attrs", "/e2attrs3"]], "s")),
                Test("InitScratchFS", TestResultString(
             [["touch", "/e2attrs4"],
              ["set_e2attrs", "/e2attrs4", "adst", "clear:false"],
              ["set_e2attrs", "/e2attrs4", "iS", "clear:false"],
              ["set_e2attrs", "/e2attrs4", "i", "clear:true"],
              ["set_e2attrs", "/e2attrs4", "ad", "clear:true"],
              ["set_e2attrs", "/e2attrs4", "", "clear:false"],
              ["set_e2attrs", "/e2attrs4", "", "clear:true"],
              ["get_e2attrs", "/e2attrs4"]], "Sst")),
                Test("InitScratchFS", TestLastFail(
             [["get_e2attrs", "/e2attrs_nosuchfile"]])),
                Test("InitPartition", TestLastFail(
             [["mkfs", "vfat", "/dev/sda1"], ["mount", "/dev/sda1", "/"],
              ["touch", "/f"], ["get_e2attrs", "/f"]]))]),

    Call("set_e2attrs", RErr, [Pathname("file"), String("attrs")],
         [OBool("clear")], proc=264,
         shortdesc="set ext2 file attributes of a file",
         longdesc="""
This sets or clears the file attributes C<attrs> associated with the
inode F<file>.

C<attrs> is a string of characters representing file attributes.  See
C<guestfs_get_e2attrs> for a list of possible attributes.  Not all
attributes can be changed.

If optional boolean C<clear> is not present or false, then the C<attrs>
listed are set in the inode.

If C<clear> is true, then the C<attrs> listed are cleared in the inode.

In both cases, other attributes not present in the C<attrs> string are
left unchanged.

These attributes are only present when the file is located on an
ext2/3/4 filesystem.  Using this call on other filesystem types will
result in an error.""",
         tests=[Test("InitScratchFS", TestLastFail(
             [["touch", "/e2attrs5"],
              ["set_e2attrs", "/e2attrs5", "R", "clear:false"]])),
                Test("InitScratchFS", TestLastFail(
             [["touch", "/e2attrs6"],
              ["set_e2attrs", "/e2attrs6", "v"]])),
                Test("InitScratchFS", TestLastFail(
             [["touch", "/e2attrs7"],
              ["set_e2attrs", "/e2attrs7", "aa"]])),
                Test("InitScratchFS", TestLastFail(
             [["touch", "/e2attrs8"],
              ["set_e2attrs", "/e2attrs8", "BabcdB"]])),
                Test("InitScratchFS", TestResultString(
             [["mkdir", "/e2attrs9"],
              ["set_e2attrs", "/e2attrs9", "ia"],
              ["set_e2attrs", "/e2attrs9", "ai", "clear:true"],
              ["touch", "/e2attrs9/f"],
              ["get_e2attrs", "/e2attrs9"]], ""))]),

    Call("get_e2generation", RInt64, [Pathname("file")], proc=265,
         shortdesc="get ext2 file generation of a file",
         longdesc="""
This returns the ext2 file generation of a file.  The generation (which
used to be called the "version") is a number associated with an inode.
This is most commonly used by NFS servers.

The generation is only present when the file is located on an ext2/3/4
filesystem.  Using this call on other filesystem types will result in
an error.

See C<guestfs_set_e2generation>.""",
         tests=[Test("InitScratchFS", TestResult(
             [["touch", "/e2generation"],
              ["set_e2generation", "/e2generation", "123456"],
              ["get_e2generation", "/e2generation"]], "ret == 123456")),
                Test("InitScratchFS", TestLastFail(
             [["get_e2generation", "/e2generation_nosuchfile"]]))]),

    Call("set_e2generation", RErr, [Pathname("file"), Int64("generation")],
         proc=266,
         shortdesc="set ext2 file generation of a file",
         longdesc="""
This sets the ext2 file generation of a file.  The generation is a 32
bit number.

See C<guestfs_get_e2generation>.""",
         tests=[Test("InitScratchFS", TestResult(
             [["mkdir", "/e2generation_dir"],
              ["set_e2generation", "/e2generation_dir", "4294967295"],
              ["get_e2generation", "/e2generation_dir"]],
             "ret == 4294967295")),
                Test("InitScratchFS", TestLastFail(
             [["touch", "/e2generation2"],
              ["set_e2generation", "/e2generation2", "4294967296"]]))]),

    Call("mklost_and_found", RErr, [Pathname("mountpoint")], proc=267,
         shortdesc="make lost+found directory on an ext2/3/4 filesystem",
         longdesc="""
Make the C<lost+found> directory, normally in the root directory of an
ext2/3/4 filesystem.  C<mountpoint> is the directory under which we try
to create the C<lost+found> directory.

As L<mklost+found(8)> does, the directory is made with mode 0700 and
its blocks are preallocated, so that L<e2fsck(8)> can put files there
without allocating blocks.  It fails if C<lost+found> exists already.""",
         tests=[Test("InitBasicFS", TestResultTrue(
             [["rm_rf", "/lost+found"],
              ["mklost_and_found", "/"],
              ["is_dir", "/lost+found"]])),
                Test("InitBasicFS", TestResult(
             [["rm_rf", "/lost+found"],
              ["mklost_and_found", "/"],
              ["statns", "/lost+found"]],
             "(ret->st_mode & 0777) == 0700 && ret->st_size >= 12288")),
                Test("InitBasicFS", TestLastFail(
             [["mklost_and_found", "/"]]))]),

    # ---- swap ----------------------------------------------------------

    Call("mkswap", RErr, [Device("device")], [OString("label"), OString("uuid")],
         proc=268, once_had_no_optargs=True, fish_alias=["mkswap-opts"],
         shortdesc="create a swap partition",
         longdesc="""
Create a Linux swap partition on C<device>.

The option arguments C<label> and C<uuid> allow you to set the label
and/or UUID of the new swap partition.""",
         tests=[Test("InitPartition", TestResultString(
             [["mkswap", "/dev/sda1"], ["vfs_type", "/dev/sda1"]], "swap")),
                Test("InitPartition", TestResultString(
             [["mkswap", "/dev/sda1", "label:hello"],
              ["vfs_label", "/dev/sda1"]], "hello")),
                Test("InitPartition", TestResultString(
             [["mkswap", "/dev/sda1", "uuid:" + STABLE_UUID],
              ["vfs_uuid", "/dev/sda1"]], STABLE_UUID)),
                Test("InitPartition", TestLastFail(
             [["mkswap", "/dev/sda1", "label:a-label-of-17-chr"]])),
                Test("InitBasicFS", TestLastFail(
             [["mkswap", "/dev/sda1"]]))]),

    Call("mkswap_L", RErr, [String("label"), Device("device")], proc=269,
         deprecated_by="mkswap",
         shortdesc="create a swap partition with a label",
         longdesc="""
Create a swap partition on C<device> with label C<label>.

Note that you cannot attach a swap label to a block device (eg.
F</dev/sda>), just to a partition.  This appears to be a limitation of
the kernel or swap tools.""",
         tests=[Test("InitPartition", TestResultString(
             [["mkswap_L", "hello", "/dev/sda1"],
              ["vfs_label", "/dev/sda1"]], "hello"))]),

    Call("mkswap_U", RErr, [String("uuid"), Device("device")], proc=270,
         deprecated_by="mkswap", optional="linuxfsuuid",
         shortdesc="create a swap partition with an explicit UUID",
         longdesc="Create a swap partition on C<device> with UUID C<uuid>.",
         tests=[Test("InitPartition", TestResultString(
             [["mkswap_U", STABLE_UUID, "/dev/sda1"],
              ["vfs_uuid", "/dev/sda1"]], STABLE_UUID)),
                Test("InitPartition", TestLastFail(
             [["mkswap_U", "not-a-uuid", "/dev/sda1"]]))]),

    Call("mkswap_file", RErr, [Pathname("path")], proc=271,
         shortdesc="create a swap file",
         longdesc="""
Create a swap file.

This command just writes a swap file signature to an existing file.  To
create the file itself, use something like C<guestfs_fallocate>.""",
         tests=[Test("InitScratchFS", TestRun(
             [["write", "/mkswap_file", _SWAPFILE],
              ["mkswap_file", "/mkswap_file"],
              ["rm", "/mkswap_file"]])),
                Test("InitScratchFS", TestLastFail(
             [["mkswap_file", "/mkswap_file_nosuchfile"]])),
                Test("InitScratchFS", TestLastFail(
             [["mkdir", "/mkswap_file_dir"],
              ["mkswap_file", "/mkswap_file_dir"]]))]),

    Call("swapon_device", RErr, [Device("device")], proc=272,
         shortdesc="enable swap on device",
         longdesc="""
This command enables the libguestfs appliance to use the swap device or
partition named C<device>.  The increased memory is made available for
all commands, for example those run using C<guestfs_command> or
C<guestfs_sh>.

Note that you should not swap to existing guest swap partitions unless
you know what you are doing.  They may contain hibernation information,
or other information that the guest doesn't want you to trash.  You
also risk leaking information about the host to the guest this way.
Instead, attach a new host device to the guest and swap on that.""",
         tests=[Test("InitPartition", TestRun(
             [["mkswap", "/dev/sda1"],
              ["swapon_device", "/dev/sda1"],
              ["swapoff_device", "/dev/sda1"]])),
                Test("InitBasicFS", TestLastFail(
             [["swapon_device", "/dev/sda1"]]))]),

    Call("swapoff_device", RErr, [Device("device")], proc=273,
         shortdesc="disable swap on device",
         longdesc="""
This command disables the libguestfs appliance swap device or partition
named C<device>.  See C<guestfs_swapon_device>.""",
         tests=[Test("InitPartition", TestLastFail(
             [["mkswap", "/dev/sda1"], ["swapoff_device", "/dev/sda1"]]))]),

    Call("swapon_file", RErr, [Pathname("file")], proc=274,
         shortdesc="enable swap on file",
         longdesc="""
This command enables swap to a file.  See C<guestfs_swapon_device> for
other notes.""",
         tests=[Test("InitScratchFS", TestRun(
             [["write", "/swapon_file", _SWAPFILE],
              ["mkswap_file", "/swapon_file"],
              ["swapon_file", "/swapon_file"],
              ["swapoff_file", "/swapon_file"],
              ["rm", "/swapon_file"]])),
                Test("InitScratchFS", TestLastFail(
             [["write", "/swapon_file2", _SWAPFILE],
              ["swapon_file", "/swapon_file2"]]))]),

    Call("swapoff_file", RErr, [Pathname("file")], proc=275,
         shortdesc="disable swap on file",
         longdesc="This command disables the libguestfs appliance swap on file.",
         tests=[Test("InitScratchFS", TestLastFail(
             [["write", "/swapoff_file", _SWAPFILE],
              ["mkswap_file", "/swapoff_file"],
              ["swapoff_file", "/swapoff_file"]]))]),

    Call("swapon_label", RErr, [String("label")], proc=276,
         shortdesc="enable swap on labeled swap partition",
         longdesc="""
This command enables swap to a labeled swap partition.  See
C<guestfs_swapon_device> for other notes.""",
         tests=[Test("InitPartition", TestRun(
             [["mkswap", "/dev/sda1", "label:swapit"],
              ["swapon_label", "swapit"],
              ["swapoff_label", "swapit"]])),
                Test("InitPartition", TestLastFail(
             [["swapon_label", "nosuchswaplabel"]]))]),

    Call("swapoff_label", RErr, [String("label")], proc=277,
         shortdesc="disable swap on labeled swap partition",
         longdesc="""
This command disables the libguestfs appliance swap on labeled swap
partition.""",
         tests=[Test("InitPartition", TestLastFail(
             [["mkswap", "/dev/sda1", "label:swapoff"],
              ["swapoff_label", "swapoff"]]))]),

    Call("swapon_uuid", RErr, [String("uuid")], proc=278,
         optional="linuxfsuuid",
         shortdesc="enable swap on swap partition by UUID",
         longdesc="""
This command enables swap to a swap partition with the given UUID.  See
C<guestfs_swapon_device> for other notes.""",
         tests=[Test("InitEmpty", TestRun(
             [["mkswap", "/dev/sdc", "uuid:" + STABLE_UUID],
              ["swapon_uuid", STABLE_UUID],
              ["swapoff_uuid", STABLE_UUID]]))]),

    Call("swapoff_uuid", RErr, [String("uuid")], proc=279,
         optional="linuxfsuuid",
         shortdesc="disable swap on swap partition by UUID",
         longdesc="""
This command disables the libguestfs appliance swap partition with the
given UUID.""",
         tests=[Test("InitEmpty", TestLastFail(
             [["swapoff_uuid", STABLE_UUID]]))]),

    # ---- labels, UUIDs, sizes (all filesystem types) -------------------

    Call("set_label", RErr, [Mountable("mountable"), String("label")],
         proc=280,
         shortdesc="set filesystem label",
         longdesc="""
Set the filesystem label on C<mountable> to C<label>.

Only some filesystem types support labels, and libguestfs supports
setting labels on only a subset of these.

=over 4

=item ext2, ext3, ext4

Labels are limited to 16 bytes.

=item NTFS

Labels are limited to 128 unicode characters.

=item XFS

The label is limited to 12 bytes.  The filesystem must not be mounted
when trying to set the label.

=item btrfs

The label is limited to 255 bytes and some characters are not allowed.
Setting the label on a btrfs subvolume will set the label on its parent
filesystem.  The filesystem must not be mounted when trying to set the
label.

=item fat

The label is limited to 11 bytes.

=item swap

The label is limited to 16 bytes.

=back

If there is no support for changing the label for the type of the
specified filesystem, set_label will fail and set errno as ENOTSUP.

To read the label on a filesystem, call C<guestfs_vfs_label>.""",
         tests=[Test("InitBasicFS", TestResultString(
             [["set_label", "/dev/sda1", "testlabel"],
              ["vfs_label", "/dev/sda1"]], "testlabel")),
                Test("InitPartition", TestResultString(
             [["mkfs", "ntfs", "/dev/sda1"],
              ["set_label", "/dev/sda1", "testlabel2"],
              ["vfs_label", "/dev/sda1"]], "testlabel2")),
                Test("InitPartition", TestResultString(
             [["mkfs", "vfat", "/dev/sda1"],
              ["set_label", "/dev/sda1", "FATLABEL"],
              ["vfs_label", "/dev/sda1"]], "FATLABEL")),
                Test("InitPartition", TestResultString(
             [["mkfs", "xfs", "/dev/sda1"],
              ["set_label", "/dev/sda1", "xfslabel"],
              ["vfs_label", "/dev/sda1"]], "xfslabel")),
                Test("InitPartition", TestResultString(
             [["mkfs", "btrfs", "/dev/sda1"],
              ["set_label", "/dev/sda1", "test-label-btrfs"],
              ["vfs_label", "/dev/sda1"]], "test-label-btrfs")),
                Test("InitPartition", TestResultString(
             [["mkswap", "/dev/sda1"],
              ["set_label", "/dev/sda1", "swaplabel"],
              ["vfs_label", "/dev/sda1"]], "swaplabel")),
                Test("InitPartition", TestLastFail(
             [["zero", "/dev/sda1"],
              ["set_label", "/dev/sda1", "testlabel2"]])),
                Test("InitBasicFS", TestLastFail(
             [["set_label", "/dev/sda1", "a-label-of-17-chr"]])),
                Test("InitPartition", TestLastFail(
             [["mkfs", "xfs", "/dev/sda1"], ["mount", "/dev/sda1", "/"],
              ["set_label", "/dev/sda1", "mounted"]]))]),

    Call("set_uuid", RErr, [Device("device"), String("uuid")], proc=281,
         shortdesc="set the filesystem UUID",
         longdesc="""
Set the filesystem UUID on C<device> to C<uuid>.  If this fails and the
errno is ENOTSUP, means that there is no support for changing the UUID
for the type of the specified filesystem.

Only some filesystem types support setting UUIDs: ext2/3/4, XFS, btrfs
and swap.  XFS and btrfs filesystems must not be mounted.

To read the UUID on a filesystem, call C<guestfs_vfs_uuid>.""",
         tests=[Test("InitBasicFS", TestResultString(
             [["set_uuid", "/dev/sda1", STABLE_UUID],
              ["vfs_uuid", "/dev/sda1"]], STABLE_UUID)),
                Test("InitPartition", TestResultString(
             [["mkswap", "/dev/sda1"],
              ["set_uuid", "/dev/sda1", STABLE_UUID],
              ["vfs_uuid", "/dev/sda1"]], STABLE_UUID)),
                Test("InitPartition", TestResultString(
             [["mkfs", "xfs", "/dev/sda1"],
              ["set_uuid", "/dev/sda1", STABLE_UUID],
              ["vfs_uuid", "/dev/sda1"]], STABLE_UUID)),
                Test("InitPartition", TestResultString(
             [["mkfs", "btrfs", "/dev/sda1"],
              ["set_uuid", "/dev/sda1", STABLE_UUID],
              ["vfs_uuid", "/dev/sda1"]], STABLE_UUID)),
                Test("InitPartition", TestLastFail(
             [["mkfs", "vfat", "/dev/sda1"],
              ["set_uuid", "/dev/sda1", STABLE_UUID]])),
                Test("InitBasicFS", TestLastFail(
             [["set_uuid", "/dev/sda1", "not-a-uuid"]]))]),

    Call("set_uuid_random", RErr, [Device("device")], proc=282,
         shortdesc="set a random UUID for the filesystem",
         longdesc="""
Set the filesystem UUID on C<device> to a random UUID.  If this fails
and the errno is ENOTSUP, means that there is no support for changing
the UUID for the type of the specified filesystem.

Only some filesystem types support setting UUIDs.

To read the UUID on a filesystem, call C<guestfs_vfs_uuid>.""",
         tests=[Test("InitBasicFS", TestResult(
             [["set_uuid", "/dev/sda1", STABLE_UUID],
              ["set_uuid_random", "/dev/sda1"],
              ["vfs_uuid", "/dev/sda1"]],
             'strlen (ret) == 36 && strcmp (ret, "%s") != 0' % STABLE_UUID)),
                Test("InitPartition", TestResult(
             [["mkswap", "/dev/sda1", "uuid:" + STABLE_UUID],
              ["set_uuid_random", "/dev/sda1"],
              ["vfs_uuid", "/dev/sda1"]],
             'strlen (ret) == 36 && strcmp (ret, "%s") != 0' % STABLE_UUID))]),

    Call("vfs_minimum_size", RInt64, [Mountable("mountable")], proc=283,
         shortdesc="get minimum filesystem size",
         longdesc="""
Get the minimum size of filesystem in bytes.  This is the minimum
possible size for filesystem shrinking.

If getting minimum size of specified filesystem is not supported, this
will fail and set errno as ENOTSUP.

ext2/3/4 and NTFS filesystems must not be mounted; btrfs ones must be
mounted.  XFS cannot be shrunk, so for XFS this is its current size.

See also L<ntfsresize(8)>, L<resize2fs(8)>, L<btrfs(8)>,
L<xfs_info(8)>.""",
         tests=[Test("InitBasicFS", TestResult(
             [["umount", "/"], ["vfs_minimum_size", "/dev/sda1"]],
             "ret > 0 && ret < 100000000")),
                Test("InitPartition", TestResult(
             [["mkfs", "ntfs", "/dev/sda1"],
              ["vfs_minimum_size", "/dev/sda1"]],
             "ret > 0 && ret < 400000000")),
                Test("InitPartition", TestResult(
             [["mkfs", "btrfs", "/dev/sda1"],
              ["mount", "/dev/sda1", "/"],
              ["vfs_minimum_size", "/dev/sda1"]],
             "ret > 0 && ret < 524288000")),
                Test("InitPartition", TestResult(
             [["mkfs", "xfs", "/dev/sda1"],
              ["mount", "/dev/sda1", "/"],
              ["vfs_minimum_size", "/dev/sda1"]],
             "ret > 400000000 && ret <= 524288000")),
                Test("InitPartition", TestLastFail(
             [["mkfs", "vfat", "/dev/sda1"],
              ["vfs_minimum_size", "/dev/sda1"]]))]),

    Call("fsck", RInt, [String("fstype"), Device("device")], proc=284,
         progress=True, fish_output="hex",
         shortdesc="run the filesystem checker",
         longdesc="""
This runs the filesystem checker (fsck) on C<device> which should have
filesystem type C<fstype>.

The returned integer is the status.  See L<fsck(8)> for the list of
status codes from C<fsck>.

Notes:

=over 4

=item *

Multiple status codes can be summed together.

=item *

A non-zero return code can mean "success", for example if errors have
been corrected on the filesystem.

=item *

Checking or repairing NTFS volumes is not supported (by linux-ntfs).

=back

This command is entirely equivalent to running C<fsck -a -t fstype
device>.""",
         tests=[Test("InitBasicFS", TestResult(
             [["umount", "/dev/sda1"], ["fsck", "ext2", "/dev/sda1"]],
             "ret == 0")),
                Test("InitBasicFS", TestResult(
             [["umount", "/dev/sda1"], ["zero", "/dev/sda1"],
              ["fsck", "ext2", "/dev/sda1"]], "ret == 8")),
                Test("InitPartition", TestResult(
             [["mkfs", "vfat", "/dev/sda1"], ["fsck", "vfat", "/dev/sda1"]],
             "ret == 0")),
                Test("InitBasicFS", TestLastFail(
             [["fsck", "ext2; reboot", "/dev/sda1"]]))]),

    Call("filesystem_available", RBool, [String("filesystem")], proc=285,
         shortdesc="check if filesystem is available",
         longdesc="""
Check whether libguestfs supports the named filesystem.  The argument
C<filesystem> is a filesystem name, such as C<ext3>.

You must call C<guestfs_launch> before using this command.

This is mainly useful as a negative test.  If this returns true, it
doesn't mean that a particular filesystem can be created or mounted,
since filesystems can fail for other reasons such as it being a later
version of the filesystem, or having incompatible features, or lacking
the right mkfs.E<lt>I<fs>E<gt> tool.

See also C<guestfs_available>, C<guestfs_feature_available>,
L<guestfs(3)/AVAILABILITY>.""",
         tests=[Test("InitNone", TestResultTrue(
             [["filesystem_available", "ext2"]])),
                Test("InitNone", TestResultTrue(
             [["filesystem_available", "xfs"]])),
                Test("InitNone", TestResultFalse(
             [["filesystem_available", "nosuchfs"]])),
                Test("InitNone", TestLastFail(
             [["filesystem_available", "../ext2"]]))]),

    # ---- mounted filesystems ------------------------------------------

    Call("fstrim", RErr, [Pathname("mountpoint")],
         [OInt64("offset"), OInt64("length"), OInt64("minimumfreeextent")],
         proc=286, optional="fstrim",
         shortdesc="trim free space in a filesystem",
         longdesc="""
Trim the free space in the filesystem mounted on C<mountpoint>.  The
filesystem must be mounted read-write.

The filesystem contents are not affected, but any free space in the
filesystem is "trimmed", that is, given back to the host device, thus
making disk images more sparse, allowing unused space in qcow2 files to
be reused, etc.

This operation requires support in libguestfs, the mounted filesystem,
the host filesystem, qemu and the host kernel.  If this support isn't
present it may give an error or even appear to run but do nothing.

In the case where the kernel vfs driver does not support trimming, this
call will fail with errno set to C<ENOTSUP>.  Currently this happens
when trying to trim FAT filesystems.

The optional arguments C<offset>, C<length> and C<minimumfreeextent>
(all in bytes) limit the trimmed range and skip free extents smaller
than the given size, as L<fstrim(8)> I<-o>, I<-l> and I<-m> do.

See also C<guestfs_zero_free_space>.  That is a slightly different
operation that turns free space in the filesystem into zeroes.  It is
valid to call C<guestfs_fstrim> either instead of, or after calling
C<guestfs_zero_free_space>.""",
         tests=[Test("InitScratchFS", TestRun(
             [["write", "/fstrim", "data"], ["rm", "/fstrim"],
              ["fstrim", "/"],
              ["fstrim", "/", "offset:0", "length:1048576",
               "minimumfreeextent:4096"]])),
                Test("InitScratchFS", TestLastFail(
             [["fstrim", "/fstrim_nosuchdir"]])),
                Test("InitScratchFS", TestLastFail(
             [["fstrim", "/", "offset:-1"]]))]),

    Call("zero_free_space", RErr, [Pathname("directory")], proc=287,
         progress=True,
         shortdesc="zero free space in a filesystem",
         longdesc="""
Zero the free space in the filesystem mounted on F<directory>.  The
filesystem must be mounted read-write.

The filesystem contents are not affected, but any free space in the
filesystem is freed.

Free space is not "trimmed".  You may want to call C<guestfs_fstrim>
either as an alternative to this, or after calling this, depending on
your requirements.""",
         tests=[Test("InitEmpty", TestResultList(
             [["mkfs", "ext2", "/dev/sdc"], ["mount", "/dev/sdc", "/"],
              ["write", "/f", "zero_free_space"],
              ["zero_free_space", "/"],
              ["ls", "/"]], ["f", "lost+found"])),
                Test("InitEmpty", TestResultString(
             [["mkfs", "ext2", "/dev/sdc"], ["mount", "/dev/sdc", "/"],
              ["write", "/f", "zero_free_space"],
              ["zero_free_space", "/"],
              ["cat", "/f"]], "zero_free_space")),
                Test("InitBasicFS", TestLastFail(
             [["touch", "/f"], ["zero_free_space", "/f"]]))]),

    Call("df", RString, [], proc=288,
         shortdesc="report file system disk space usage",
         longdesc="""
This command runs the L<df(1)> command to report disk space used by the
mounted guest filesystems.

This command is mostly useful for interactive sessions.  It is I<not>
intended that you try to parse the output string.  Use
C<guestfs_statvfs> from programs.""",
         tests=[Test("InitBasicFS", TestResult(
             [["df"]],
             'strncmp (ret, "Filesystem", 10) == 0 && '
             'strstr (ret, "/dev/sda1") != NULL'))]),

    Call("df_h", RString, [], proc=289,
         shortdesc="report file system disk space usage (human readable)",
         longdesc="""
This command runs the C<df -h> command to report disk space used in
human-readable format.

This command is mostly useful for interactive sessions.  It is I<not>
intended that you try to parse the output string.  Use
C<guestfs_statvfs> from programs.""",
         tests=[Test("InitBasicFS", TestResult(
             [["df_h"]],
             'strncmp (ret, "Filesystem", 10) == 0 && '
             'strstr (ret, "/dev/sda1") != NULL && strstr (ret, "M ") != NULL'))]),

    Call("drop_caches", RErr, [Int("whattodrop")], proc=290,
         shortdesc="drop kernel page cache, dentries and inodes",
         longdesc="""
This instructs the guest kernel to drop its page cache, and/or dentries
and inode caches.  The parameter C<whattodrop> tells the kernel what
precisely to drop, see L<https://linux-mm.org/Drop_Caches>

Setting C<whattodrop> to 3 should drop everything.

This automatically calls L<sync(2)> before the operation, so that the
maximum guest memory is freed.""",
         tests=[Test("InitEmpty", TestRun([["drop_caches", "3"]])),
                Test("InitEmpty", TestLastFail([["drop_caches", "4"]]))]),

    Call("mount_vfs", RErr, [String("options"), String("vfstype"),
                             Mountable("mountable"), String("mountpoint")],
         proc=291,
         shortdesc="mount a guest disk with mount options and vfstype",
         longdesc="""
This is the same as the C<guestfs_mount> command, but it allows you to
set both the mount options and the vfstype as for the L<mount(8)> I<-o>
and I<-t> flags.""",
         tests=[Test("InitBasicFS", TestLastFail(
             [["umount", "/"],
              ["mount_vfs", "ro", "ext2", "/dev/sda1", "/"],
              ["touch", "/new"]])),
                Test("InitBasicFS", TestResultTrue(
             [["umount", "/"],
              ["mount_vfs", "noatime", "ext4", "/dev/sda1", "/"],
              ["is_dir", "/lost+found"]])),
                Test("InitBasicFS", TestLastFail(
             [["umount", "/"],
              ["mount_vfs", "", "vfat", "/dev/sda1", "/"]]))]),

    Call("mount_loop", RErr, [Pathname("file"), Pathname("mountpoint")],
         proc=292,
         shortdesc="mount a file using the loop device",
         longdesc="""
This command lets you mount F<file> (a filesystem image in a file) on a
mount point.  It is entirely equivalent to the command C<mount -o loop
file mountpoint>.

The loop device is released when the filesystem is unmounted.  If
F<file> is on a read-only filesystem, it is mounted read-only.""",
         tests=[Test("InitEmpty", TestResultString(
             [["mkfs", "ext2", "/dev/sdc"], ["mount", "/dev/sdc", "/"],
              ["write", "/hello", "hello from a loop"], ["umount", "/"],
              ["download", "/dev/sdc", "mount_loop.img"],
              ["mount", "/dev/sdb1", "/"],
              ["rm_rf", "/mount_loop"], ["mkdir", "/mount_loop"],
              ["upload", "mount_loop.img", "/mount_loop/fs.img"],
              ["mkdir", "/mount_loop/mp"],
              ["mount_loop", "/mount_loop/fs.img", "/mount_loop/mp"],
              ["cat", "/mount_loop/mp/hello"]], "hello from a loop")),
                Test("InitScratchFS", TestLastFail(
             [["write", "/mount_loop_bad", "not a filesystem"],
              ["mkdir", "/mount_loop_mp"],
              ["mount_loop", "/mount_loop_bad", "/mount_loop_mp"]]))]),

    Call("remount", RErr, [Pathname("mountpoint")], [OBool("rw")], proc=293,
         shortdesc="remount a filesystem with different options",
         longdesc="""
This call allows you to change the C<rw> (readonly/read-write) flag on
an already mounted filesystem at C<mountpoint>, converting a readonly
filesystem to be read-write, or vice-versa.

Note that at the moment you must supply the "optional" C<rw> parameter.
In future we may allow other flags to be adjusted.""",
         tests=[Test("InitScratchFS", TestLastFail(
             [["remount", "/", "rw:false"],
              ["write", "/remount1", "data"]])),
                Test("InitScratchFS", TestRun(
             [["remount", "/", "rw:false"],
              ["remount", "/", "rw:true"],
              ["write", "/remount2", "data"]])),
                Test("InitScratchFS", TestLastFail(
             [["remount", "/"]])),
                Test("InitScratchFS", TestLastFail(
             [["mkdir", "/remount3"], ["remount", "/remount3", "rw:false"]]))]),

    Call("mkmountpoint", RErr, [String("exemptpath")], proc=294,
         shortdesc="create a mountpoint",
         longdesc="""
C<guestfs_mkmountpoint> and C<guestfs_rmmountpoint> are specialized
calls that can be used to create extra mountpoints before mounting the
first filesystem.

These calls are I<only> necessary in some very limited circumstances,
mainly the case where you want to mount a mix of unrelated and/or
read-only filesystems together.

For example, live CDs often contain a "Russian doll" nest of
filesystems, an ISO outer layer, with a squashfs image inside, with an
ext2/3 image inside that.  You can unpack this as follows in guestfish:

 add-ro Fedora-11-i686-Live.iso
 run
 mkmountpoint /cd
 mkmountpoint /sqsh
 mkmountpoint /ext3fs
 mount /dev/sda /cd
 mount-loop /cd/LiveOS/squashfs.img /sqsh
 mount-loop /sqsh/LiveOS/ext3fs.img /ext3fs

The inner filesystem is now unpacked under the /ext3fs mountpoint.

C<guestfs_mkmountpoint> is not compatible with C<guestfs_umount_all>.
You may get unexpected errors if you try to mix these calls.  It is
safest to manually unmount filesystems and remove mountpoints after
use.

C<guestfs_umount_all> unmounts filesystems by sorting the paths longest
first, so for this to work for manual mountpoints, you must ensure that
the innermost mountpoints have the longest pathnames, as in the example
code above.

For more details see L<https://bugzilla.redhat.com/show_bug.cgi?id=599503>

Autosync [see C<guestfs_set_autosync>, this is set by default on
handles] can cause C<guestfs_umount_all> to be called when the handle
is closed which can also trigger these issues.""",
         tests=[Test("InitEmpty", TestResult(
             [["mkmountpoint", "/mp1"],
              ["mkmountpoint", "/mp2"],
              ["mount", "/dev/sdb1", "/mp1"],
              ["mkdir", "/mp1/mkmountpoint"],
              ["is_dir", "/mp1/mkmountpoint"],
              ["mountpoints"]],
             'hash_has (ret, "/dev/sdb1", "/mp1") && ret[2] == NULL')),
                Test("InitEmpty", TestLastFail(
             [["mkmountpoint", "relative"]]))]),

    Call("rmmountpoint", RErr, [String("exemptpath")], proc=295,
         shortdesc="remove a mountpoint",
         longdesc="""
This call removes a mountpoint that was previously created with
C<guestfs_mkmountpoint>.  See C<guestfs_mkmountpoint> for full
details.""",
         tests=[Test("InitEmpty", TestResultList(
             [["mkmountpoint", "/rmmp"],
              ["mount", "/dev/sdb1", "/rmmp"],
              ["umount", "/dev/sdb1"],
              ["rmmountpoint", "/rmmp"],
              ["mounts"]], [])),
                Test("InitEmpty", TestLastFail(
             [["rmmountpoint", "/nosuchmountpoint"]]))]),

    # ---- XFS ---------------------------------------------------------

    Call("xfs_info", RStruct("xfsinfo"), [Dev_or_Path("pathordevice")],
         proc=296, optional="xfs",
         shortdesc="get geometry of XFS filesystem",
         longdesc="""
C<pathordevice> is a mounted XFS filesystem or a device containing an
XFS filesystem.  This command returns the geometry of the filesystem.

The returned struct contains geometry information.  Missing fields are
returned as C<-1> (for numeric fields) or empty string.""",
         tests=[Test("InitPartition", TestResult(
             [["mkfs", "xfs", "/dev/sda1"], ["mount", "/dev/sda1", "/"],
              ["xfs_info", "/"]],
             'ret->xfs_blocksize == 4096 && '
             'strcmp (ret->xfs_mntpoint, "/") == 0 && '
             'strcmp (ret->xfs_logname, "internal log") == 0 && '
             'ret->xfs_agcount > 0 && ret->xfs_datablocks > 100000')),
                Test("InitPartition", TestResult(
             [["mkfs", "xfs", "/dev/sda1", "blocksize:1024"],
              ["xfs_info", "/dev/sda1"]],
             'ret->xfs_blocksize == 1024 && ret->xfs_lazycount == 1 && '
             'strcmp (ret->xfs_rtname, "none") == 0')),
                Test("InitBasicFS", TestLastFail(
             [["xfs_info", "/"]]))]),

    Call("xfs_growfs", RErr, [Pathname("path")],
         [OBool("datasec"), OBool("logsec"), OBool("rtsec"),
          OInt64("datasize"), OInt64("logsize"), OInt64("rtsize"),
          OInt64("rtextsize"), OInt("maxpct")],
         proc=297, optional="xfs",
         shortdesc="expand an existing XFS filesystem",
         longdesc="""
Grow the XFS filesystem mounted at C<path>.

The optional arguments are those of L<xfs_growfs(8)>: C<datasec> (I<-d>,
grow the data section to the size of the device), C<logsec> (I<-l>),
C<rtsec> (I<-r>), C<datasize> (I<-D>, the new size of the data section
in filesystem blocks), C<logsize> (I<-L>), C<rtsize> (I<-R>),
C<rtextsize> (I<-e>) and C<maxpct> (I<-m>, the maximum percentage of
space used by inodes).""",
         tests=[Test("InitPartition", TestResult(
             [["mkfs", "xfs", "/dev/sda1"], ["mount", "/dev/sda1", "/"],
              ["xfs_growfs", "/", "datasec:true", "maxpct:10"],
              ["xfs_info", "/"]],
             "ret->xfs_blocksize == 4096 && ret->xfs_imaxpct == 10")),
                Test("InitBasicFS", TestLastFail(
             [["xfs_growfs", "/", "datasec:true"]]))]),

    Call("xfs_admin", RErr, [Device("device")],
         [OBool("extunwritten"), OBool("imgfile"), OBool("v2log"),
          OBool("projid32bit"), OBool("lazycounter"), OString("label"),
          OString("uuid")],
         proc=298, optional="xfs",
         shortdesc="change parameters of an XFS filesystem",
         longdesc="""
Change the parameters of the XFS filesystem on C<device>.

Devices that are mounted cannot be modified.  Administrators must
unmount filesystems before this call can modify parameters.

Some of the parameters of a mounted filesystem can be examined and
modified using the C<guestfs_xfs_info> and C<guestfs_xfs_growfs>
calls.

The optional arguments are those of L<xfs_admin(8)>: C<extunwritten>
(I<-e>), C<imgfile> (I<-f>), C<v2log> (I<-j>), C<projid32bit> (I<-p>),
C<lazycounter> (I<-c 0|1>), C<label> (I<-L>) and C<uuid> (I<-U>, which
also takes C<generate> and C<nil>).  Several of these only apply to the
older V4 format.""",
         tests=[Test("InitPartition", TestResultString(
             [["mkfs", "xfs", "/dev/sda1"],
              ["xfs_admin", "/dev/sda1", "uuid:" + STABLE_UUID],
              ["vfs_uuid", "/dev/sda1"]], STABLE_UUID)),
                Test("InitPartition", TestResultString(
             [["mkfs", "xfs", "/dev/sda1"],
              ["xfs_admin", "/dev/sda1", "label:LBL-TEST"],
              ["vfs_label", "/dev/sda1"]], "LBL-TEST")),
                Test("InitPartition", TestLastFail(
             [["mkfs", "xfs", "/dev/sda1"], ["mount", "/dev/sda1", "/"],
              ["xfs_admin", "/dev/sda1", "label:mounted"]]))]),

    Call("xfs_repair", RInt, [Dev_or_Path("device")],
         [OBool("forcelogzero"), OBool("nomodify"), OBool("noprefetch"),
          OBool("forcegeometry"), OInt64("maxmem"), OInt64("ihashsize"),
          OInt64("bhashsize"), OInt64("agstride"), OString("logdev"),
          OString("rtdev")],
         proc=299, optional="xfs", progress=True,
         shortdesc="repair an XFS filesystem",
         longdesc="""
Repair corrupt or damaged XFS filesystem on C<device>.

The filesystem is specified using the C<device> argument which should
be the device name of the disk partition or volume containing the
filesystem.  If given the name of a block device, C<xfs_repair> will
attempt to find the raw device associated with the specified block
device and will use the raw device instead.  A path names a filesystem
image file in the guest.

Regardless, the filesystem to be repaired must be unmounted, otherwise,
the resulting filesystem may be inconsistent or corrupt.

The returned status indicates whether filesystem corruption was
detected (returns C<1>) or was not detected (returns C<0>).""",
         tests=[Test("InitPartition", TestResult(
             [["mkfs", "xfs", "/dev/sda1"],
              ["xfs_repair", "/dev/sda1", "nomodify:true"]], "ret == 0")),
                Test("InitPartition", TestLastFail(
             [["mkfs", "ext2", "/dev/sda1"],
              ["xfs_repair", "/dev/sda1", "nomodify:true"]]))]),

    # ---- btrfs ---------------------------------------------------------

    Call("mkfs_btrfs", RErr, [DeviceList("devices")],
         [OInt64("allocstart"), OInt64("bytecount"), OString("datatype"),
          OInt("leafsize"), OString("label"), OString("metadata"),
          OInt("nodesize"), OInt("sectorsize")],
         proc=300, optional="btrfs", progress=True,
         shortdesc="create a btrfs filesystem",
         longdesc="""
Create a btrfs filesystem, allowing all configurables to be set.  For
more information on the optional arguments, see L<mkfs.btrfs(8)>.

Since btrfs filesystems can span multiple devices, this takes a
non-empty list of devices.

C<leafsize> is the old name of C<nodesize>.  C<allocstart> is no longer
supported by mkfs.btrfs: only C<0> is accepted.

To create general filesystems, use C<guestfs_mkfs>.""",
         tests=[Test("InitPartition", TestResultString(
             [["mkfs_btrfs", "/dev/sda1", "allocstart:0",
               "bytecount:268435456", "datatype:single", "label:test",
               "metadata:single", "nodesize:16384"],
              ["vfs_label", "/dev/sda1"]], "test")),
                Test("InitEmpty", TestResultString(
             [["part_init", "/dev/sda", "mbr"],
              ["part_add", "/dev/sda", "p", "64", "409599"],
              ["part_add", "/dev/sda", "p", "409600", "-64"],
              ["mkfs_btrfs", "/dev/sda1 /dev/sda2", "leafsize:16384"],
              ["mount", "/dev/sda2", "/"],
              ["write", "/two", "two devices"],
              ["cat", "/two"]], "two devices")),
                Test("InitPartition", TestLastFail(
             [["mkfs_btrfs", "", "label:none"]])),
                Test("InitPartition", TestLastFail(
             [["mkfs_btrfs", "/dev/sda1", "allocstart:1048576"]]))]),

    Call("btrfs_subvolume_create", RErr, [Pathname("dest")],
         [OString("qgroupid")], proc=301, once_had_no_optargs=True,
         fish_alias=["btrfs-subvolume-create-opts"], optional="btrfs",
         shortdesc="create a btrfs subvolume",
         longdesc="""
Create a btrfs subvolume.  The C<dest> argument is the destination
directory and the name of the subvolume, in the form
F</path/to/dest/name>.  The optional parameter C<qgroupid> represents
the qgroup which the newly created subvolume will be added to.""",
         tests=[Test("InitPartition", TestResult(
             _BTRFS + [["btrfs_subvolume_create", "/sub1"],
                       ["write", "/sub1/f", "in a subvolume"],
                       ["mkdir", "/dir"],
                       ["btrfs_subvolume_create", "/dir/sub2"],
                       ["umount_all"],
                       ["list_filesystems"]],
             'hash_has (ret, "/dev/sda1", "btrfs") && '
             'hash_has (ret, "btrfsvol:/dev/sda1/sub1", "btrfs") && '
             'hash_has (ret, "btrfsvol:/dev/sda1/dir/sub2", "btrfs")')),
                Test("InitPartition", TestResultString(
             _BTRFS + [["btrfs_subvolume_create", "/sub1"],
                       ["write", "/sub1/f", "in a subvolume"],
                       ["umount_all"],
                       ["mount", "btrfsvol:/dev/sda1/sub1", "/"],
                       ["cat", "/f"]], "in a subvolume")),
                Test("InitPartition", TestResult(
             _BTRFS + [["btrfs_subvolume_create", "/sub1"],
                       ["umount_all"],
                       ["mount", "btrfsvol:/dev/sda1/sub1", "/"],
                       ["mounts"]],
             'strcmp (ret[0], "/dev/sda1") == 0 && ret[1] == NULL')),
                Test("InitPartition", TestLastFail(
             _BTRFS + [["btrfs_subvolume_create", "/nosuchdir/sub"]])),
                Test("InitPartition", TestLastFail(
             _BTRFS + [["umount_all"],
                       ["mount", "btrfsvol:/dev/sda1/nosuchsub", "/"]]))]),

    Call("btrfs_subvolume_delete", RErr, [Pathname("subvolume")], proc=302,
         optional="btrfs",
         shortdesc="delete a btrfs subvolume or snapshot",
         longdesc="Delete the named btrfs subvolume or snapshot.",
         tests=[Test("InitPartition", TestResult(
             _BTRFS + [["btrfs_subvolume_create", "/test1"],
                       ["btrfs_subvolume_create", "/test2"],
                       ["btrfs_subvolume_delete", "/test1"],
                       ["btrfs_subvolume_list", "/"]],
             'ret->len == 1 && '
             'strcmp (ret->val[0].btrfssubvolume_path, "test2") == 0')),
                Test("InitPartition", TestLastFail(
             _BTRFS + [["mkdir", "/notsub"],
                       ["btrfs_subvolume_delete", "/notsub"]]))]),

    Call("btrfs_subvolume_list", RStructList("btrfssubvolume"),
         [String("fs")], proc=303, optional="btrfs",
         shortdesc="list btrfs snapshots and subvolumes",
         longdesc="""
List the btrfs snapshots and subvolumes of the btrfs filesystem which
is mounted at C<fs>.

C<fs> may also be a device or a btrfs subvolume mountable
(C<btrfsvol:...>): the filesystem is then mounted privately for the
call, away from the guest's mounts.""",
         tests=[Test("InitPartition", TestResult(
             _BTRFS + [["btrfs_subvolume_create", "/test1"],
                       ["mkdir", "/dir"],
                       ["btrfs_subvolume_create", "/dir/test2"],
                       ["btrfs_subvolume_list", "/"]],
             'ret->len == 2 && '
             'strcmp (ret->val[0].btrfssubvolume_path, "test1") == 0 && '
             'strcmp (ret->val[1].btrfssubvolume_path, "dir/test2") == 0 && '
             'ret->val[0].btrfssubvolume_id >= 256 && '
             'ret->val[0].btrfssubvolume_top_level_id == 5')),
                Test("InitPartition", TestResult(
             _BTRFS + [["btrfs_subvolume_create", "/test1"],
                       ["umount_all"],
                       ["btrfs_subvolume_list", "/dev/sda1"]],
             'ret->len == 1 && '
             'strcmp (ret->val[0].btrfssubvolume_path, "test1") == 0')),
                Test("InitBasicFS", TestLastFail(
             [["btrfs_subvolume_list", "/"]])),
                Test("InitBasicFS", TestLastFail(
             [["btrfs_subvolume_list", "relative"]]))]),

    Call("btrfs_subvolume_snapshot", RErr, [Pathname("source"), Pathname("dest")],
         [OBool("ro"), OString("qgroupid")], proc=304,
         once_had_no_optargs=True,
         fish_alias=["btrfs-subvolume-snapshot-opts"], optional="btrfs",
         shortdesc="create a btrfs snapshot",
         longdesc="""
Create a snapshot of the btrfs subvolume C<source>.  The C<dest>
argument is the destination directory and the name of the snapshot, in
the form F</path/to/dest/name>.  By default the newly created snapshot
is writable, if the value of optional parameter C<ro> is true, then a
readonly snapshot is created.  The optional parameter C<qgroupid>
represents the qgroup which the newly created snapshot will be added
to.""",
         tests=[Test("InitPartition", TestResultString(
             _BTRFS + [["mkdir", "/dir"],
                       ["btrfs_subvolume_create", "/dir/test3"],
                       ["write", "/dir/test3/f", "snapshot me"],
                       ["btrfs_subvolume_snapshot", "/dir/test3",
                        "/dir/test5", "ro:true"],
                       ["write", "/dir/test3/f", "changed"],
                       ["cat", "/dir/test5/f"]], "snapshot me")),
                Test("InitPartition", TestLastFail(
             _BTRFS + [["btrfs_subvolume_create", "/test3"],
                       ["btrfs_subvolume_snapshot", "/test3", "/test5",
                        "ro:true"],
                       ["write", "/test5/f", "read-only"]])),
                Test("InitPartition", TestRun(
             _BTRFS + [["btrfs_subvolume_create", "/test3"],
                       ["btrfs_subvolume_snapshot", "/test3", "/test6"],
                       ["write", "/test6/f", "writable"]]))]),

    Call("btrfs_subvolume_set_default", RErr, [Int64("id"), Pathname("fs")],
         proc=305, optional="btrfs",
         shortdesc="set default btrfs subvolume",
         longdesc="""
Set the subvolume of the btrfs filesystem C<fs> which will be mounted
by default.  See C<guestfs_btrfs_subvolume_list> to get a list of
subvolumes.""",
         tests=[Test("InitPartition", TestResultString(
             _BTRFS + [["btrfs_subvolume_create", "/test1"],
                       ["write", "/test1/f", "default subvolume"],
                       ["btrfs_subvolume_set_default", "256", "/"],
                       ["umount_all"],
                       ["mount", "/dev/sda1", "/"],
                       ["cat", "/f"]], "default subvolume")),
                Test("InitPartition", TestLastFail(
             _BTRFS + [["btrfs_subvolume_set_default", "12345", "/"]]))]),

    Call("btrfs_subvolume_get_default", RInt64, [String("fs")], proc=306,
         optional="btrfs",
         shortdesc="get the default subvolume or snapshot of a filesystem",
         longdesc="""
Get the default subvolume or snapshot of a filesystem mounted at
C<mountpoint>.  C<fs> may also be a device or a btrfs subvolume
mountable.""",
         tests=[Test("InitPartition", TestResult(
             [["mkfs_btrfs", "/dev/sda1"],
              ["btrfs_subvolume_get_default", "/dev/sda1"]], "ret == 5")),
                Test("InitPartition", TestResult(
             _BTRFS + [["btrfs_subvolume_create", "/test1"],
                       ["btrfs_subvolume_set_default", "256", "/"],
                       ["btrfs_subvolume_get_default", "/"]], "ret == 256"))]),

    Call("btrfs_subvolume_show", RHashtable, [Pathname("subvolume")],
         proc=307, optional="btrfs",
         shortdesc="return detailed information of the subvolume",
         longdesc="""
Return detailed information of the subvolume: the fields printed by
C<btrfs subvolume show>, such as C<Name>, C<UUID>, C<Subvolume ID>,
C<Generation>, C<Parent ID>, C<Top level ID> and C<Flags>, and C<path>,
the subvolume's path in the filesystem.  Fields shown as C<-> (none)
are returned as empty strings.  The C<Snapshot(s)> key holds the paths
of the subvolume's snapshots, separated by commas.""",
         tests=[Test("InitPartition", TestResult(
             _BTRFS + [["btrfs_subvolume_create", "/sub1"],
                       ["btrfs_subvolume_snapshot", "/sub1", "/snap1"],
                       ["btrfs_subvolume_show", "/sub1"]],
             'hash_has (ret, "Name", "sub1") && hash_has (ret, "path", "sub1") && '
             'hash_has (ret, "Subvolume ID", "256") && '
             'hash_has (ret, "Parent UUID", "") && '
             'hash_has (ret, "Snapshot(s)", "snap1")')),
                Test("InitPartition", TestLastFail(
             _BTRFS + [["mkdir", "/dir1"],
                       ["btrfs_subvolume_show", "/dir1"]]))]),

    Call("btrfs_filesystem_resize", RErr, [Pathname("mountpoint")],
         [OInt64("size")], proc=308, optional="btrfs",
         shortdesc="resize a btrfs filesystem",
         longdesc="""
This command resizes a btrfs filesystem.

Note that unlike other resize calls, the filesystem has to be mounted
and the parameter is the mountpoint not the device (this is a
requirement of btrfs itself).

The optional parameters are:

=over 4

=item C<size>

The new size (in bytes) of the filesystem.  If omitted, the filesystem
is resized to the maximum size.

=back

See also L<btrfs(8)>.""",
         tests=[Test("InitPartition", TestResult(
             _BTRFS + [["btrfs_filesystem_resize", "/", "size:268435456"],
                       ["statvfs", "/"]],
             "ret->blocks * ret->bsize <= 268435456")),
                Test("InitPartition", TestResult(
             _BTRFS + [["btrfs_filesystem_resize", "/", "size:268435456"],
                       ["btrfs_filesystem_resize", "/"],
                       ["statvfs", "/"]],
             "ret->blocks * ret->bsize > 400000000")),
                Test("InitPartition", TestLastFail(
             _BTRFS + [["btrfs_filesystem_resize", "/", "size:0"]]))]),

    Call("btrfs_filesystem_sync", RErr, [Pathname("fs")], proc=309,
         optional="btrfs",
         shortdesc="sync a btrfs filesystem",
         longdesc="Force sync on the btrfs filesystem mounted at C<fs>.",
         tests=[Test("InitPartition", TestRun(
             _BTRFS + [["btrfs_subvolume_create", "/test1"],
                       ["btrfs_filesystem_sync", "/test1"],
                       ["btrfs_filesystem_balance", "/test1"]])),
                Test("InitBasicFS", TestLastFail(
             [["btrfs_filesystem_sync", "/"]]))]),

    Call("btrfs_filesystem_balance", RErr, [Pathname("fs")], proc=310,
         fish_alias=["btrfs-balance"], optional="btrfs", progress=True,
         shortdesc="balance a btrfs filesystem",
         longdesc="""
Balance the chunks in the btrfs filesystem mounted at C<fs> across the
underlying devices.""",
         tests=[Test("InitBasicFS", TestLastFail(
             [["btrfs_filesystem_balance", "/"]]))]),

    Call("btrfs_device_add", RErr, [DeviceList("devices"), Pathname("fs")],
         proc=311, optional="btrfs",
         shortdesc="add devices to a btrfs filesystem",
         longdesc="""
Add the list of device(s) in C<devices> to the btrfs filesystem mounted
at C<fs>.  If C<devices> is an empty list, this does nothing.""",
         tests=[Test("InitEmpty", TestResultString(
             [["part_init", "/dev/sda", "mbr"],
              ["part_add", "/dev/sda", "p", "64", "409599"],
              ["part_add", "/dev/sda", "p", "409600", "-64"],
              ["mkfs_btrfs", "/dev/sda1"], ["mount", "/dev/sda1", "/"],
              ["btrfs_device_add", "/dev/sda2", "/"],
              ["btrfs_device_add", "", "/"],
              ["write", "/f", "two devices"],
              ["btrfs_device_delete", "/dev/sda1", "/"],
              ["umount_all"],
              ["mount", "/dev/sda2", "/"],
              ["cat", "/f"]], "two devices")),
                Test("InitBasicFS", TestLastFail(
             [["btrfs_device_add", "/dev/sdc", "/"]]))]),

    Call("btrfs_device_delete", RErr, [DeviceList("devices"), Pathname("fs")],
         proc=312, optional="btrfs", progress=True,
         shortdesc="remove devices from a btrfs filesystem",
         longdesc="""
Remove the C<devices> from the btrfs filesystem mounted at C<fs>.  If
C<devices> is an empty list, this does nothing.""",
         tests=[Test("InitPartition", TestLastFail(
             _BTRFS + [["btrfs_device_delete", "/dev/sda1", "/"]])),
                Test("InitPartition", TestRun(
             _BTRFS + [["btrfs_device_delete", "", "/"]]))]),

    Call("btrfs_scrub_start", RErr, [Pathname("path")], proc=313,
         optional="btrfs", progress=True,
         shortdesc="read all data from all disks and verify checksums",
         longdesc="""
Reads all the data and metadata on the filesystem, and uses checksums
and the duplicate copies from RAID storage to identify and repair any
corrupt data.

The call returns when the scrub has finished, and fails if it found
errors it could not correct.""",
         tests=[Test("InitPartition", TestRun(
             _BTRFS + [["write", "/f", "scrub me"],
                       ["btrfs_scrub_start", "/"]])),
                Test("InitBasicFS", TestLastFail(
             [["btrfs_scrub_start", "/"]]))]),

    Call("btrfs_filesystem_show", RDeviceList, [Device("device")], proc=317,
         optional="btrfs",
         shortdesc="list devices for btrfs filesystem",
         longdesc="""
Show all the devices where the filesystems in C<device> is spanned over.

If not all the devices for the filesystems are present, then this
function fails and the C<errno> is set to C<ENODEV>.""",
         tests=[Test("InitPartition", TestResultList(
             [["mkfs_btrfs", "/dev/sda1"],
              ["btrfs_filesystem_show", "/dev/sda1"]], ["/dev/sda1"])),
                Test("InitEmpty", TestResultList(
             [["part_init", "/dev/sda", "mbr"],
              ["part_add", "/dev/sda", "p", "64", "409599"],
              ["part_add", "/dev/sda", "p", "409600", "-64"],
              ["mkfs_btrfs", "/dev/sda1 /dev/sda2"],
              ["btrfs_filesystem_show", "/dev/sda2"]],
             ["/dev/sda1", "/dev/sda2"])),
                Test("InitScratchFS", TestLastFail(
             [["btrfs_filesystem_show", "/dev/sdb1"]]))]),

    Call("btrfs_fsck", RErr, [Device("device")],
         [OInt64("superblock"), OBool("repair")], proc=318,
         optional="btrfs", progress=True,
         shortdesc="check a btrfs filesystem",
         longdesc="""
Used to check a btrfs filesystem, C<device> is the device file where
the filesystem is stored.

The optional C<superblock> selects the superblock copy to use (I<-s>);
C<repair> tries to repair the filesystem (I<--repair>, which btrfs
considers dangerous).  The filesystem must not be mounted.""",
         tests=[Test("InitPartition", TestRun(
             [["mkfs_btrfs", "/dev/sda1"],
              ["btrfs_fsck", "/dev/sda1"],
              ["btrfs_fsck", "/dev/sda1", "superblock:1"]])),
                Test("InitBasicFS", TestLastFail(
             [["umount", "/"], ["btrfs_fsck", "/dev/sda1"]])),
                Test("InitPartition", TestLastFail(
             _BTRFS + [["btrfs_fsck", "/dev/sda1"]]))]),

    Call("btrfs_set_seeding", RErr, [Device("device"), Bool("seeding")],
         proc=319, optional="btrfs",
         shortdesc="enable or disable the seeding feature of device",
         longdesc="""
Enable or disable the seeding feature of a device that contains a btrfs
filesystem.

A seeding filesystem is mounted read-only; new devices can be added to
it to make a writable filesystem based on it.""",
         tests=[Test("InitPartition", TestRun(
             [["mkfs_btrfs", "/dev/sda1"],
              ["btrfs_set_seeding", "/dev/sda1", "true"],
              ["btrfs_set_seeding", "/dev/sda1", "false"]])),
                Test("InitPartition", TestLastFail(
             [["mkfs_btrfs", "/dev/sda1"],
              ["btrfs_set_seeding", "/dev/sda1", "true"],
              ["mount", "/dev/sda1", "/"],
              ["write", "/f", "seed"]]))]),

    Call("btrfstune_seeding", RErr, [Device("device"), Bool("seeding")],
         proc=320, optional="btrfs",
         shortdesc="enable or disable seeding of a btrfs device",
         longdesc="""
Enable seeding of a btrfs device, this will force a fs readonly so that
you can use it to build other filesystems.  See also
C<guestfs_btrfs_set_seeding>.""",
         tests=[Test("InitPartition", TestRun(
             [["mkfs_btrfs", "/dev/sda1"],
              ["btrfstune_seeding", "/dev/sda1", "true"],
              ["btrfstune_seeding", "/dev/sda1", "false"]])),
                Test("InitBasicFS", TestLastFail(
             [["umount", "/"], ["btrfstune_seeding", "/dev/sda1", "true"]]))]),

    Call("btrfstune_enable_extended_inode_refs", RErr, [Device("device")],
         proc=321, optional="btrfs",
         shortdesc="enable extended inode refs",
         longdesc="""
This will enable extended inode refs (the C<extref> feature: more hard
links to a file in one directory).""",
         tests=[Test("InitPartition", TestRun(
             [["mkfs_btrfs", "/dev/sda1"],
              ["btrfstune_enable_extended_inode_refs", "/dev/sda1"]]))]),

    Call("btrfstune_enable_skinny_metadata_extent_refs", RErr,
         [Device("device")], proc=322, optional="btrfs",
         shortdesc="enable skinny metadata extent refs",
         longdesc="""
This enables skinny metadata extent refs (the C<skinny-metadata>
feature: smaller metadata).""",
         tests=[Test("InitPartition", TestRun(
             [["mkfs_btrfs", "/dev/sda1"],
              ["btrfstune_enable_skinny_metadata_extent_refs", "/dev/sda1"]]))]),

    Call("btrfs_rescue_super_recover", RErr, [Device("device")], proc=323,
         optional="btrfs",
         shortdesc="recover bad superblocks from good copies",
         longdesc="Recover bad superblocks from good copies.",
         tests=[Test("InitPartition", TestRun(
             [["mkfs_btrfs", "/dev/sda1"],
              ["btrfs_rescue_super_recover", "/dev/sda1"]])),
                Test("InitBasicFS", TestLastFail(
             [["umount", "/"], ["btrfs_rescue_super_recover", "/dev/sda1"]]))]),

    Call("btrfs_filesystem_defragment", RErr, [Pathname("path")],
         [OBool("flush"), OString("compress")], proc=324, optional="btrfs",
         progress=True,
         shortdesc="defragment a file or directory",
         longdesc="""
Defragment a file or a directory (recursively) on a btrfs filesystem.
C<compress> is one of C<zlib>, C<lzo> or C<zstd>: the data is
compressed with it while being rewritten.  C<flush> writes the data to
disk at once.""",
         tests=[Test("InitPartition", TestRun(
             _BTRFS + [["btrfs_filesystem_defragment", "/", "flush:true",
                        "compress:lzo"]])),
                Test("InitPartition", TestResultString(
             _BTRFS + [["write", "/hello", "defragment me"],
                       ["btrfs_filesystem_defragment", "/hello",
                        "compress:zlib"],
                       ["cat", "/hello"]], "defragment me")),
                Test("InitPartition", TestLastFail(
             _BTRFS + [["btrfs_filesystem_defragment", "/", "compress:rar"]]))]),

    Call("btrfs_quota_enable", RErr, [String("fs"), Bool("enable")],
         proc=325, optional="btrfs",
         shortdesc="enable or disable subvolume quota support",
         longdesc="""
Enable or disable subvolume quota support for filesystem which contains
C<path>.  C<fs> may be a path in a mounted btrfs filesystem, a device
or a btrfs subvolume mountable.""",
         tests=[Test("InitPartition", TestRun(
             [["mkfs_btrfs", "/dev/sda1"],
              ["btrfs_quota_enable", "/dev/sda1", "true"],
              ["btrfs_quota_enable", "/dev/sda1", "false"]])),
                Test("InitPartition", TestRun(
             _BTRFS + [["btrfs_quota_enable", "/", "true"],
                       ["btrfs_quota_enable", "/", "false"]]))]),

    Call("btrfs_quota_rescan", RErr, [String("fs")], proc=326,
         optional="btrfs",
         shortdesc="trash all qgroup numbers and scan the metadata again with the current config",
         longdesc="""
Trash all qgroup numbers and scan the metadata again with the current
config.  C<fs> is as for C<guestfs_btrfs_quota_enable>.""",
         tests=[Test("InitPartition", TestRun(
             [["mkfs_btrfs", "/dev/sda1"],
              ["btrfs_quota_enable", "/dev/sda1", "true"],
              ["btrfs_quota_rescan", "/dev/sda1"]])),
                Test("InitPartition", TestLastFail(
             _BTRFS + [["btrfs_quota_rescan", "/"]]))]),

    Call("btrfs_qgroup_limit", RErr, [Pathname("subvolume"), Int64("size")],
         proc=327, optional="btrfs",
         shortdesc="limit the size of a subvolume",
         longdesc="Limit the size of the subvolume with path C<subvolume>.",
         tests=[Test("InitPartition", TestRun(
             _BTRFS + [["btrfs_quota_enable", "/", "true"],
                       ["btrfs_qgroup_limit", "/", "10737418240"]])),
                Test("InitPartition", TestLastFail(
             _BTRFS + [["btrfs_quota_enable", "/", "false"],
                       ["btrfs_qgroup_limit", "/", "10737418240"]]))]),

    Call("btrfs_qgroup_create", RErr, [String("qgroupid"), Pathname("subvolume")],
         proc=328, optional="btrfs",
         shortdesc="create a subvolume quota group",
         longdesc="""
Create a quota group (qgroup) for subvolume at C<subvolume>.
C<qgroupid> is I<level>/I<id>, for example C<1/1000>.  (Recent kernels
only create a level 0 qgroup for an existing subvolume, with its ID.)""",
         tests=[Test("InitPartition", TestRun(
             _BTRFS + [["btrfs_quota_enable", "/", "true"],
                       ["btrfs_subvolume_create", "/sub1"],
                       ["btrfs_qgroup_create", "1/1000", "/sub1"]])),
                Test("InitPartition", TestLastFail(
             _BTRFS + [["btrfs_quota_enable", "/", "true"],
                       ["btrfs_qgroup_create", "1000", "/"]]))]),

    Call("btrfs_qgroup_destroy", RErr, [String("qgroupid"), Pathname("subvolume")],
         proc=329, optional="btrfs",
         shortdesc="destroy a subvolume quota group",
         longdesc="Destroy a quota group.",
         tests=[Test("InitPartition", TestRun(
             _BTRFS + [["btrfs_quota_enable", "/", "true"],
                       ["btrfs_subvolume_create", "/sub1"],
                       ["btrfs_qgroup_create", "1/1000", "/sub1"],
                       ["btrfs_qgroup_destroy", "1/1000", "/sub1"]])),
                Test("InitPartition", TestLastFail(
             _BTRFS + [["btrfs_quota_enable", "/", "true"],
                       ["btrfs_qgroup_destroy", "1/1000", "/"]]))]),

    # ---- NTFS ------------------------------------------------------------

    Call("ntfsresize", RErr, [Device("device")],
         [OInt64("size"), OBool("force")], proc=314,
         once_had_no_optargs=True, fish_alias=["ntfsresize-opts"],
         optional="ntfsprogs", progress=True,
         shortdesc="resize an NTFS filesystem",
         longdesc="""
This command resizes an NTFS filesystem, expanding or shrinking it to
the size of the underlying device.

The optional parameters are:

=over 4

=item C<size>

The new size (in bytes) of the filesystem.  If omitted, the filesystem
is resized to fit the container (eg. partition).

=item C<force>

If this option is true, then force the resize of the filesystem even if
the filesystem is marked as requiring a consistency check.

After the resize operation, the filesystem is always marked as
requiring a consistency check (for safety).  You have to boot into
Windows to perform this check and clear this condition.  If you I<don't>
set the C<force> option then it is not possible to call
C<guestfs_ntfsresize> multiple times on a single filesystem without
booting into Windows between each resize.

=back

See also L<ntfsresize(8)>.""",
         tests=[Test("InitPartition", TestResult(
             [["mkfs", "ntfs", "/dev/sda1"],
              ["ntfsresize", "/dev/sda1", "size:268435456", "force:true"],
              ["vfs_minimum_size", "/dev/sda1"]], "ret < 268435456")),
                Test("InitPartition", TestLastFail(
             [["mkfs", "ntfs", "/dev/sda1"],
              ["ntfsresize", "/dev/sda1", "size:268435456"],
              ["ntfsresize", "/dev/sda1", "size:200000000"]])),
                Test("InitBasicFS", TestLastFail(
             [["umount", "/"], ["ntfsresize", "/dev/sda1"]]))]),

    Call("ntfsfix", RErr, [Device("device")], [OBool("clearbadsectors")],
         proc=315, optional="ntfs3g",
         shortdesc="fix common errors and force Windows to check NTFS",
         longdesc="""
This command repairs some fundamental NTFS inconsistencies, resets the
NTFS journal file, and schedules an NTFS consistency check for the
first boot into Windows.

This is I<not> an equivalent of Windows C<chkdsk>.  It does I<not> scan
the filesystem for inconsistencies.

The optional C<clearbadsectors> flag clears the list of bad sectors.
This is useful after cloning a disk with bad sectors to a new disk.""",
         tests=[Test("InitPartition", TestRun(
             [["mkfs", "ntfs", "/dev/sda1"],
              ["ntfsfix", "/dev/sda1", "clearbadsectors:false"],
              ["ntfsfix", "/dev/sda1", "clearbadsectors:true"]])),
                Test("InitBasicFS", TestLastFail(
             [["umount", "/"], ["ntfsfix", "/dev/sda1"]]))]),

    Call("ntfs_3g_probe", RInt, [Bool("rw"), Device("device")], proc=316,
         optional="ntfs3g",
         shortdesc="probe NTFS volume",
         longdesc="""
This command runs the L<ntfs-3g.probe(8)> command which probes an NTFS
C<device> for mountability.  (Not all NTFS volumes can be mounted
read-write, and some cannot be mounted at all).

C<rw> is a boolean flag.  Set it to true if you want to test if the
volume can be mounted read-write.  Set it to false if you want to test
if the volume can be mounted read-only.

The return value is an integer which C<0> if the operation would
succeed, or some non-zero value documented in the L<ntfs-3g.probe(8)>
manual page.""",
         tests=[Test("InitPartition", TestResult(
             [["mkfs", "ntfs", "/dev/sda1"],
              ["ntfs_3g_probe", "true", "/dev/sda1"]], "ret == 0")),
                Test("InitPartition", TestResult(
             [["mkfs", "ext2", "/dev/sda1"],
              ["ntfs_3g_probe", "true", "/dev/sda1"]], "ret == 12"))]),
]
