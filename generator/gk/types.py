"""Vocabulary of the API table: argument, optional-argument, return and
struct-field types, the Call record, and the test-case forms.  Every
emitter reads these; nothing here writes files."""


class Arg:
    """A required argument.  `kind` is one of the names below."""

    KINDS = {
        "String",       # plain string
        "OptString",    # string or NULL
        "Device",       # /dev/sdX..., translated by the daemon
        "Mountable",    # device or btrfsvol:...
        "Pathname",     # absolute guest path, resolved inside the guest root
        "Dev_or_Path",  # device if it names one, else guest path
        "Int",
        "Int64",
        "Bool",
        "StringList",
        "DeviceList",
        "BufferIn",     # pointer + size
        "FileIn",       # local file streamed to the daemon
        "FileOut",      # local file streamed from the daemon
        "Pointer",      # opaque C pointer (library-only calls)
        "Key",          # secret string: guestfish asks for it without echo
        "GUID",         # string checked to be a GUID
    }

    def __init__(self, kind, name, ctype=None):
        assert kind in self.KINDS, kind
        self.kind = kind
        self.name = name
        self.ctype = ctype  # only for Pointer

    @property
    def is_string(self):
        return self.kind in ("String", "OptString", "Device", "Mountable",
                             "Pathname", "Dev_or_Path", "FileIn", "FileOut",
                             "Key", "GUID")

    @property
    def is_list(self):
        return self.kind in ("StringList", "DeviceList")

    @property
    def on_wire(self):
        """FileIn/FileOut travel as chunk streams, not in the args struct."""
        return self.kind not in ("FileIn", "FileOut", "Pointer")


def String(n): return Arg("String", n)
def OptString(n): return Arg("OptString", n)
def Device(n): return Arg("Device", n)
def Mountable(n): return Arg("Mountable", n)
def Pathname(n): return Arg("Pathname", n)
def Dev_or_Path(n): return Arg("Dev_or_Path", n)
def Int(n): return Arg("Int", n)
def Int64(n): return Arg("Int64", n)
def Bool(n): return Arg("Bool", n)
def StringList(n): return Arg("StringList", n)
def DeviceList(n): return Arg("DeviceList", n)
def BufferIn(n): return Arg("BufferIn", n)
def FileIn(n): return Arg("FileIn", n)
def FileOut(n): return Arg("FileOut", n)
def Pointer(ctype, n): return Arg("Pointer", n, ctype)
def Key(n): return Arg("Key", n)
def GUID(n): return Arg("GUID", n)


class OptArg:
    KINDS = {"OBool", "OInt", "OInt64", "OString", "OStringList"}

    def __init__(self, kind, name):
        assert kind in self.KINDS, kind
        self.kind = kind
        self.name = name


def OBool(n): return OptArg("OBool", n)
def OInt(n): return OptArg("OInt", n)
def OInt64(n): return OptArg("OInt64", n)
def OString(n): return OptArg("OString", n)
def OStringList(n): return OptArg("OStringList", n)


class Ret:
    KINDS = {"RErr", "RInt", "RInt64", "RBool", "RConstString",
             "RConstOptString", "RString", "RStringList", "RHashtable",
             "RStruct", "RStructList", "RBufferOut"}

    def __init__(self, kind, struct=None, sub=None):
        assert kind in self.KINDS, kind
        self.kind = kind
        self.struct = struct  # struct name for RStruct/RStructList
        self.sub = sub        # "device" etc: devices returned get canonical names


RErr = Ret("RErr")
RInt = Ret("RInt")
RInt64 = Ret("RInt64")
RBool = Ret("RBool")
RConstString = Ret("RConstString")
RConstOptString = Ret("RConstOptString")
RString = Ret("RString")
RStringList = Ret("RStringList")
RHashtable = Ret("RHashtable")
RBufferOut = Ret("RBufferOut")
RDeviceList = Ret("RStringList", sub="device")
RDevice = Ret("RString", sub="device")
def RStruct(s): return Ret("RStruct", struct=s)
def RStructList(s): return Ret("RStructList", struct=s)


class Field:
    KINDS = {"FString", "FBuffer", "FUUID", "FUInt32", "FInt32",
             "FUInt64", "FInt64", "FBytes", "FChar", "FOptPercent"}

    def __init__(self, kind, name):
        assert kind in self.KINDS, kind
        self.kind = kind
        self.name = name


class Struct:
    def __init__(self, name, fields, doc=""):
        self.name = name
        self.fields = [Field(k, n) for (n, k) in fields]
        self.doc = doc


# ---- test cases -------------------------------------------------------
# Each test is (init, check).  A check holds sequences of commands written
# as guestfish-style argument lists, e.g. ["write", "/f", "hi"].

INITS = ("InitNone", "InitEmpty", "InitPartition", "InitGPT",
         "InitBasicFS", "InitBasicFSonLVM", "InitScratchFS")


class Test:
    def __init__(self, init, check, prereq=None):
        assert init in INITS, init
        self.init = init
        self.check = check
        self.prereq = prereq  # None or a filesystem type that must be supported


class TestRun:
    """Every command succeeds."""
    def __init__(self, seq): self.seq = seq


class TestResultString:
    """The last command returns exactly this string."""
    def __init__(self, seq, expected): self.seq, self.expected = seq, expected


class TestResultList:
    """The last command returns exactly this list of strings."""
    def __init__(self, seq, expected): self.seq, self.expected = seq, expected


class TestResultInt:
    def __init__(self, seq, expected): self.seq, self.expected = seq, expected


class TestResultTrue:
    def __init__(self, seq): self.seq = seq


class TestResultFalse:
    def __init__(self, seq): self.seq = seq


class TestResult:
    """A C boolean expression over `ret` (the last command's result)."""
    def __init__(self, seq, expr): self.seq, self.expr = seq, expr


class TestLastFail:
    """All but the last command succeed; the last one fails."""
    def __init__(self, seq): self.seq = seq


# ---- the call record ---------------------------------------------------

class Call:
    def __init__(self, name, ret, args, optargs=(), proc=None,
                 shortdesc="", longdesc="", tests=(), fish_alias=(),
                 once_had_no_optargs=False, config_only=False,
                 progress=False, cancellable=False, fish_output=None,
                 not_in_fish=False, not_in_docs=False, c_only=False,
                 blocking=True, see_also=(),
                 internal=False, optional=None, deprecated_by=None):
        self.name = name
        self.ret = ret
        self.args = list(args)
        self.optargs = list(optargs)
        self.proc = proc                # None: implemented in the library
        self.shortdesc = shortdesc
        self.longdesc = longdesc.strip("\n")
        self.tests = list(tests)
        self.fish_alias = list(fish_alias)
        self.once_had_no_optargs = once_had_no_optargs
        self.config_only = config_only
        self.progress = progress
        self.cancellable = cancellable
        self.fish_output = fish_output  # None, "octal" or "hex"
        self.not_in_fish = not_in_fish or internal
        self.not_in_docs = not_in_docs or internal
        self.c_only = c_only
        self.blocking = blocking
        self.see_also = list(see_also)
        self.internal = internal
        self.optional = optional        # feature group name (guestfs_available)
        self.deprecated_by = deprecated_by

    @property
    def daemon(self):
        return self.proc is not None

    @property
    def c_name(self):
        """Name of the C function that takes optargs."""
        if self.optargs and self.once_had_no_optargs:
            return self.name + "_opts"
        return self.name

    @property
    def fish_name(self):
        return self.name.replace("_", "-")

    @property
    def has_filein(self):
        return any(a.kind == "FileIn" for a in self.args)

    @property
    def has_fileout(self):
        return any(a.kind == "FileOut" for a in self.args)

    @property
    def wire_args(self):
        return [a for a in self.args if a.on_wire]

    @property
    def has_wire_args(self):
        return bool(self.wire_args or self.optargs)
