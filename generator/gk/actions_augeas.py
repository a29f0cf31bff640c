"""Augeas: editing configuration files in the guest through libaugeas.

The handle lives in a subprocess of the daemon that enters the guest root
(chroot) whenever augeas reads or writes files, so a guest's symlinks
cannot lead augeas to the appliance's files (daemon/augeas.c).

Daemon procedure numbers for this file: 400 to 429."""

from .types import *

PROC_RANGE = (400, 429)

G = "augeas"

# Two lines of /etc/hosts shared by several tests.
HOSTS = "127.0.0.1 localhost\n192.168.0.1 gateway gw\n"


def _hosts(*seq, flags="0"):
    """A test sequence: /etc/hosts with HOSTS, augeas opened on /, then seq."""
    return [["mkdir", "/etc"], ["write", "/etc/hosts", HOSTS],
            ["aug_init", "/", flags]] + list(seq)


AUGEAS_CALLS = [
    Call("aug_init", RErr, [Pathname("root"), Int("flags")], proc=400,
         optional=G,
         shortdesc="create a new Augeas handle",
         longdesc="""
Create a new Augeas handle for editing configuration files.
If there was any previous Augeas handle associated with this
guestfs session, then it is closed.

You must call this before using any other C<guestfs_aug_*>
commands.

C<root> is the filesystem root.  C<root> must not be NULL,
use F</> instead.

The flags are the same as the flags defined in
E<lt>augeas.hE<gt>, the logical I<or> of the following
integers:

=over 4

=item C<AUG_SAVE_BACKUP> = 1

Keep the original file with a C<.augsave> extension.

=item C<AUG_SAVE_NEWFILE> = 2

Save changes into a file with extension C<.augnew>, and
do not overwrite original.  Overrides C<AUG_SAVE_BACKUP>.

=item C<AUG_TYPE_CHECK> = 4

Typecheck lenses.

This option is only useful when debugging Augeas lenses.  Use
of this option may require additional memory for the libguestfs
appliance.  You may need to set the C<LIBGUESTFS_MEMSIZE>
environment variable or call C<guestfs_set_memsize>.  (Typechecking
every lens takes minutes and about 2 GB of memory.)

=item C<AUG_NO_STDINC> = 8

Do not use standard load path for modules.

=item C<AUG_SAVE_NOOP> = 16

Make save a no-op, just record what would have been changed.

=item C<AUG_NO_LOAD> = 32

Do not load the tree in C<guestfs_aug_init>.

=back

Other flag bits are refused.

To close the handle, you can call C<guestfs_aug_close>.

Files are read and written inside C<root>: symbolic links in the
guest, absolute or relative, are followed as the guest would follow
them and can never lead to files outside it.  C<root> must exist.

To find out more about Augeas, see L<http://augeas.net/>.""",
         tests=[
             Test("InitScratchFS", TestResultString(
                 [["mkdir", "/etc"], ["write", "/etc/hostname", "test.example.org"],
                  ["aug_init", "/", "0"],
                  ["aug_get", "/files/etc/hostname/hostname"]], "test.example.org")),
             # Relative and absolute symlinks resolve inside the guest.
             Test("InitScratchFS", TestResultString(
                 [["mkdir", "/etc"], ["write", "/hosts.real", "10.1.2.3 real\n"],
                  ["ln_s", "../../../../../hosts.real", "/etc/hosts"],
                  ["aug_init", "/", "0"],
                  ["aug_get", "/files/etc/hosts/1/ipaddr"]], "10.1.2.3")),
             # Outside the guest this link would reach the appliance's own
             # /etc/hostname; inside it, it points to itself and nothing loads.
             Test("InitScratchFS", TestResultList(
                 [["mkdir", "/etc"],
                  ["ln_s", "../../../../etc/hostname", "/etc/hostname"],
                  ["aug_init", "/", "0"],
                  ["aug_match", "/files/etc/hostname/*"]], [])),
             # A root below /.
             Test("InitScratchFS", TestResultString(
                 [["mkdir_p", "/chroot/etc"],
                  ["write", "/chroot/etc/hostname", "inner.example.org"],
                  ["aug_init", "/chroot", "0"],
                  ["aug_get", "/files/etc/hostname/hostname"]], "inner.example.org")),
             Test("InitScratchFS", TestResultList(
                 _hosts(["aug_match", "/files/etc/hosts/*"], flags="32"), [])),
             Test("InitScratchFS", TestLastFail(
                 [["aug_init", "/nonexistent", "0"]])),
             Test("InitScratchFS", TestLastFail(
                 [["aug_init", "/", "1024"]])),
         ]),

    Call("aug_close", RErr, [], proc=401, optional=G,
         shortdesc="close the current Augeas handle",
         longdesc="""
Close the current Augeas handle and free up any resources
used by it.  After calling this, you have to call
C<guestfs_aug_init> again before you can use any other
Augeas functions.""",
         tests=[
             Test("InitScratchFS", TestLastFail(
                 _hosts(["aug_close"], ["aug_get", "/files/etc/hosts/1/ipaddr"]))),
             Test("InitScratchFS", TestLastFail(
                 _hosts(["aug_close"], ["aug_close"]))),
         ]),

    Call("aug_defvar", RInt, [String("name"), OptString("expr")], proc=402,
         optional=G,
         shortdesc="define an Augeas variable",
         longdesc="""
Defines an Augeas variable C<name> whose value is the result
of evaluating C<expr>.  If C<expr> is NULL, then C<name> is
undefined.

On success this returns the number of nodes in C<expr>, or
C<0> if C<expr> evaluates to something which is not a nodeset.""",
         tests=[
             Test("InitScratchFS", TestResultInt(
                 _hosts(["aug_defvar", "hosts", "/files/etc/hosts/*"]), 2)),
             Test("InitScratchFS", TestResultList(
                 _hosts(["aug_defvar", "gw", "/files/etc/hosts/*[ipaddr = '192.168.0.1']"],
                        ["aug_match", "$gw/alias"]),
                 ["/files/etc/hosts/2/alias"])),
             Test("InitScratchFS", TestResultInt(
                 _hosts(["aug_defvar", "hosts", "/files/etc/hosts/*"],
                        ["aug_defvar", "hosts", ""]), 0)),
         ]),

    Call("aug_defnode", RStruct("int_bool"),
         [String("name"), String("expr"), String("val")], proc=403, optional=G,
         shortdesc="define an Augeas node",
         longdesc="""
Defines a variable C<name> whose value is the result of
evaluating C<expr>.

If C<expr> evaluates to an empty nodeset, a node is created,
equivalent to calling C<guestfs_aug_set> C<expr>, C<val>.
C<name> will be the nodeset containing that single node.

On success this returns a pair containing the
number of nodes in the nodeset, and a boolean flag
if a node was created.""",
         tests=[
             Test("InitScratchFS", TestResult(
                 _hosts(["aug_defnode", "new", "/files/etc/hosts/3/ipaddr", "10.0.0.1"]),
                 "ret->i == 1 && ret->b == 1")),
             Test("InitScratchFS", TestResult(
                 _hosts(["aug_defnode", "all", "/files/etc/hosts/*/ipaddr", "x"]),
                 "ret->i == 2 && ret->b == 0")),
             Test("InitScratchFS", TestResultString(
                 _hosts(["aug_defnode", "new", "/files/etc/hosts/3/ipaddr", "10.0.0.1"],
                        ["aug_get", "$new"]), "10.0.0.1")),
         ]),

    Call("aug_get", RString, [String("augpath")], proc=404, optional=G,
         shortdesc="look up the value of an Augeas path",
         longdesc="""
Look up the value associated with C<path>.  If C<path>
matches exactly one node, the C<value> is returned.""",
         tests=[
             Test("InitScratchFS", TestResultString(
                 _hosts(["aug_get", "/files/etc/hosts/2/canonical"]), "gateway")),
             Test("InitScratchFS", TestResultString(
                 [["mkdir", "/etc"],
                  ["write", "/etc/fstab",
                   "# comment\nUUID=1234 / ext4 defaults 0 1\n"
                   "/dev/sda1 /boot ext2 ro,noatime 0 2\n"],
                  ["aug_init", "/", "0"],
                  ["aug_get", "/files/etc/fstab/*[file = '/boot']/spec"]], "/dev/sda1")),
             Test("InitScratchFS", TestLastFail(
                 _hosts(["aug_get", "/files/etc/hosts/9/canonical"]))),
             Test("InitScratchFS", TestLastFail(
                 _hosts(["aug_get", "/files/etc/hosts/*/canonical"]))),
             Test("InitScratchFS", TestLastFail(
                 _hosts(["aug_get", "/files/etc/hosts/1/canonical["]))),
         ]),

    Call("aug_set", RErr, [String("augpath"), String("val")], proc=405,
         optional=G,
         shortdesc="set Augeas path to value",
         longdesc="""
Set the value associated with C<augpath> to C<val>.

In the Augeas API, it is possible to clear a node by setting
the value to NULL.  Due to an oversight in the libguestfs API
you cannot do that with this call.  Instead you must use the
C<guestfs_aug_clear> call.""",
         tests=[
             Test("InitScratchFS", TestResultString(
                 [["mkdir", "/etc"], ["write", "/etc/hostname", "test.example.org"],
                  ["aug_init", "/", "0"],
                  ["aug_set", "/files/etc/hostname/hostname", "replace.example.com"],
                  ["aug_get", "/files/etc/hostname/hostname"]], "replace.example.com")),
             Test("InitScratchFS", TestResultString(
                 _hosts(["aug_set", "/files/etc/hosts/1/ipaddr", "127.0.1.1"],
                        ["aug_save"], ["cat", "/etc/hosts"]),
                 "127.0.1.1 localhost\n192.168.0.1 gateway gw\n")),
             Test("InitScratchFS", TestLastFail(
                 _hosts(["aug_set", "/files/etc/hosts/*/ipaddr", "x"]))),
         ]),

    Call("aug_insert", RErr, [String("augpath"), String("label"), Bool("before")],
         proc=406, optional=G,
         shortdesc="insert a sibling Augeas node",
         longdesc="""
Create a new sibling C<label> for C<path>, inserting it into
the tree before or after C<path> (depending on the boolean
flag C<before>).

C<path> must match exactly one existing node in the tree, and
C<label> must be a label, ie. not contain F</>, C<*> or end
with a bracketed index C<[N]>.""",
         tests=[
             Test("InitScratchFS", TestResultString(
                 _hosts(["aug_insert", "/files/etc/hosts/1", "0", "true"],
                        ["aug_set", "/files/etc/hosts/0/ipaddr", "10.0.0.1"],
                        ["aug_set", "/files/etc/hosts/0/canonical", "first"],
                        ["aug_save"], ["cat", "/etc/hosts"]),
                 "10.0.0.1\tfirst\n127.0.0.1 localhost\n192.168.0.1 gateway gw\n")),
             Test("InitScratchFS", TestResultList(
                 _hosts(["aug_insert", "/files/etc/hosts/1", "3", "false"],
                        ["aug_match", "/files/etc/hosts/*"]),
                 ["/files/etc/hosts/1", "/files/etc/hosts/3", "/files/etc/hosts/2"])),
             Test("InitScratchFS", TestLastFail(
                 _hosts(["aug_insert", "/files/etc/hosts/*", "3", "false"]))),
         ]),

    Call("aug_rm", RInt, [String("augpath")], proc=407, optional=G,
         shortdesc="remove an Augeas path",
         longdesc="""
Remove C<path> and all of its children.

On success this returns the number of entries which were removed.""",
         tests=[
             # The entry, its ipaddr, canonical and alias.
             Test("InitScratchFS", TestResultInt(
                 _hosts(["aug_rm", "/files/etc/hosts/2"]), 4)),
             Test("InitScratchFS", TestResultInt(
                 _hosts(["aug_rm", "/files/etc/hosts/9"]), 0)),
             Test("InitScratchFS", TestResultString(
                 _hosts(["aug_rm", "/files/etc/hosts/1"], ["aug_save"],
                        ["cat", "/etc/hosts"]), "192.168.0.1 gateway gw\n")),
         ]),

    Call("aug_mv", RErr, [String("src"), String("dest")], proc=408, optional=G,
         shortdesc="move Augeas node",
         longdesc="""
Move the node C<src> to C<dest>.  C<src> must match exactly
one node.  C<dest> is overwritten if it exists.""",
         tests=[
             Test("InitScratchFS", TestResultList(
                 _hosts(["aug_mv", "/files/etc/hosts/1", "/files/etc/hosts/5"],
                        ["aug_match", "/files/etc/hosts/*"]),
                 ["/files/etc/hosts/2", "/files/etc/hosts/5"])),
             Test("InitScratchFS", TestLastFail(
                 _hosts(["aug_mv", "/files/etc/hosts/*", "/files/etc/hosts/5"]))),
         ]),

    Call("aug_match", RStringList, [String("augpath")], proc=409, optional=G,
         shortdesc="return Augeas nodes which match augpath",
         longdesc="""
Returns a list of paths which match the path expression C<path>.
The returned paths are sufficiently qualified so that they match
exactly one node in the current tree.""",
         tests=[
             Test("InitScratchFS", TestResultList(
                 _hosts(["aug_match", "/files/etc/hosts/*/canonical"]),
                 ["/files/etc/hosts/1/canonical", "/files/etc/hosts/2/canonical"])),
             Test("InitScratchFS", TestResultList(
                 _hosts(["aug_match", "/files/etc/hosts/*[canonical = 'gateway']/ipaddr"]),
                 ["/files/etc/hosts/2/ipaddr"])),
             Test("InitScratchFS", TestResultList(
                 _hosts(["aug_match", "/files/etc/nosuchfile/*"]), [])),
             Test("InitScratchFS", TestLastFail(
                 _hosts(["aug_match", "/files/etc/hosts["]))),
         ]),

    Call("aug_save", RErr, [], proc=410, optional=G,
         shortdesc="write all pending Augeas changes to disk",
         longdesc="""
This writes all pending changes to disk.

The flags which were passed to C<guestfs_aug_init> affect exactly
how files are saved.

If a file cannot be saved (for example because the changed tree
does not fit the file's lens), the error names the file and says
why.""",
         tests=[
             # AUG_SAVE_NEWFILE: the original is left alone.
             Test("InitScratchFS", TestResultString(
                 _hosts(["aug_set", "/files/etc/hosts/2/canonical", "router"],
                        ["aug_save"], ["cat", "/etc/hosts.augnew"], flags="2"),
                 "127.0.0.1 localhost\n192.168.0.1 router gw\n")),
             Test("InitScratchFS", TestResultString(
                 _hosts(["aug_set", "/files/etc/hosts/2/canonical", "router"],
                        ["aug_save"], ["cat", "/etc/hosts"], flags="2"), HOSTS)),
             # AUG_SAVE_BACKUP: the original is kept as .augsave.
             Test("InitScratchFS", TestResultString(
                 _hosts(["aug_set", "/files/etc/hosts/2/canonical", "router"],
                        ["aug_save"], ["cat", "/etc/hosts.augsave"], flags="1"), HOSTS)),
             # AUG_SAVE_NOOP: nothing is written.
             Test("InitScratchFS", TestResultString(
                 _hosts(["aug_set", "/files/etc/hosts/2/canonical", "router"],
                        ["aug_save"], ["cat", "/etc/hosts"], flags="16"), HOSTS)),
             # The write follows the guest's symlink to the real file,
             # inside the guest, and the link stays a link.
             Test("InitScratchFS", TestResultString(
                 [["mkdir", "/etc"], ["write", "/etc/hosts.real", HOSTS],
                  ["ln_s", "../../../etc/hosts.real", "/etc/hosts"],
                  ["aug_init", "/", "0"],
                  ["aug_set", "/files/etc/hosts/1/canonical", "me"],
                  ["aug_save"], ["cat", "/etc/hosts.real"]],
                 "127.0.0.1 me\n192.168.0.1 gateway gw\n")),
             Test("InitScratchFS", TestResultTrue(
                 [["mkdir", "/etc"], ["write", "/etc/hosts.real", HOSTS],
                  ["ln_s", "hosts.real", "/etc/hosts"],
                  ["aug_init", "/", "0"],
                  ["aug_set", "/files/etc/hosts/1/canonical", "me"],
                  ["aug_save"], ["is_symlink", "/etc/hosts"]])),
             # A tree the lens cannot write back (an entry without ipaddr).
             Test("InitScratchFS", TestLastFail(
                 _hosts(["aug_set", "/files/etc/hosts/3/canonical", "noaddr"],
                        ["aug_save"]))),
             # A FIFO where the file should be: saving reads the old
             # file first, which would wait forever for a writer.
             Test("InitScratchFS", TestLastFail(
                 [["mkdir", "/etc"], ["mkfifo", "0644", "/etc/hosts"],
                  ["aug_init", "/", "0"],
                  ["aug_set", "/files/etc/hosts/1/ipaddr", "10.0.0.1"],
                  ["aug_set", "/files/etc/hosts/1/canonical", "fifo"],
                  ["aug_save"]])),
         ]),

    Call("aug_load", RErr, [], proc=411, optional=G,
         shortdesc="load files into the tree",
         longdesc="""
Load files into the tree.

See C<aug_load> in the Augeas documentation for the full gory
details.""",
         tests=[
             Test("InitScratchFS", TestResultString(
                 [["mkdir", "/etc"], ["aug_init", "/", "32"],
                  ["write", "/etc/hostname", "late.example.org"],
                  ["aug_load"], ["aug_get", "/files/etc/hostname/hostname"]],
                 "late.example.org")),
             # Loading again discards unsaved changes.
             Test("InitScratchFS", TestResultString(
                 _hosts(["aug_set", "/files/etc/hosts/1/ipaddr", "10.9.9.9"],
                        ["aug_load"], ["aug_get", "/files/etc/hosts/1/ipaddr"]),
                 "127.0.0.1")),
         ]),

    Call("aug_ls", RStringList, [String("augpath")], proc=412, optional=G,
         shortdesc="list Augeas nodes under augpath",
         longdesc="""
This is just a shortcut for listing C<guestfs_aug_match>
C<path/*> and sorting the resulting nodes into alphabetical order.""",
         tests=[
             Test("InitScratchFS", TestResultList(
                 _hosts(["aug_ls", "/files/etc/hosts/2"]),
                 ["/files/etc/hosts/2/alias", "/files/etc/hosts/2/canonical",
                  "/files/etc/hosts/2/ipaddr"])),
             Test("InitScratchFS", TestResultList(
                 _hosts(["aug_ls", "/"]), ["/augeas", "/files"])),
             Test("InitScratchFS", TestLastFail(
                 _hosts(["aug_ls", "/files/etc/hosts/"]))),
         ]),

    Call("aug_clear", RErr, [String("augpath")], proc=413, optional=G,
         shortdesc="clear Augeas path",
         longdesc="""
Set the value associated with C<path> to C<NULL>.  This
is the same as the L<augtool(1)> C<clear> command.""",
         tests=[
             Test("InitScratchFS", TestLastFail(
                 _hosts(["aug_clear", "/files/etc/hosts/1/canonical"],
                        ["aug_get", "/files/etc/hosts/1/canonical"]))),
             Test("InitScratchFS", TestResultList(
                 _hosts(["aug_clear", "/files/etc/hosts/1/canonical"],
                        ["aug_match", "/files/etc/hosts/1/canonical"]),
                 ["/files/etc/hosts/1/canonical"])),
         ]),

    Call("aug_setm", RInt, [String("base"), OptString("sub"), String("val")],
         proc=414, optional=G,
         shortdesc="set multiple Augeas nodes",
         longdesc="""
Change multiple Augeas nodes in a single operation.  C<base> is
an expression matching multiple nodes.  C<sub> is a path expression
relative to C<base>.  All nodes matching C<base> are found, and then
for each node, C<sub> is changed to C<val>.  C<sub> may also be C<NULL>
in which case the C<base> nodes are modified.

This returns the number of nodes modified.""",
         tests=[
             Test("InitScratchFS", TestResultInt(
                 _hosts(["aug_setm", "/files/etc/hosts/*", "canonical", "same"]), 2)),
             Test("InitScratchFS", TestResultString(
                 _hosts(["aug_setm", "/files/etc/hosts/*/canonical", "", "same"],
                        ["aug_save"], ["cat", "/etc/hosts"]),
                 "127.0.0.1 same\n192.168.0.1 same gw\n")),
         ]),

    Call("aug_label", RString, [String("augpath")], proc=415, optional=G,
         shortdesc="return the label from an Augeas path expression",
         longdesc="""
The label (name of the last element) of the Augeas path expression
C<augpath> is returned.  C<augpath> must match exactly one node, else
this function returns an error.""",
         tests=[
             Test("InitScratchFS", TestResultString(
                 _hosts(["aug_label", "/files/etc/hosts/*[canonical = 'gateway']"]), "2")),
             Test("InitScratchFS", TestResultString(
                 _hosts(["aug_label", "/files/etc/hosts/1/ipaddr"]), "ipaddr")),
             Test("InitScratchFS", TestLastFail(
                 _hosts(["aug_label", "/files/etc/hosts/*"]))),
             Test("InitScratchFS", TestLastFail(
                 _hosts(["aug_label", "/files/etc/hosts/9"]))),
         ]),

    Call("aug_transform", RErr, [String("lens"), String("file")],
         [OBool("remove")], proc=416, optional=G,
         shortdesc="add/remove an Augeas lens transformation",
         longdesc="""
Add an Augeas transformation for the specified C<lens> so it can
handle C<file>.

If C<remove> is true (C<false> by default), then the transformation
is removed.""",
         tests=[
             Test("InitScratchFS", TestResultString(
                 [["mkdir", "/etc"], ["write", "/etc/myhosts", "10.0.0.7 seven\n"],
                  ["aug_init", "/", "32"],
                  ["aug_transform", "Hosts", "/etc/myhosts"], ["aug_load"],
                  ["aug_get", "/files/etc/myhosts/1/canonical"]], "seven")),
             Test("InitScratchFS", TestResultList(
                 [["mkdir", "/etc"], ["write", "/etc/myhosts", "10.0.0.7 seven\n"],
                  ["aug_init", "/", "32"],
                  ["aug_transform", "Hosts", "/etc/myhosts"],
                  ["aug_transform", "Hosts", "/etc/myhosts", "remove:true"],
                  ["aug_load"], ["aug_match", "/files/etc/myhosts/*"]], [])),
         ]),
]
