# Shared by the Python binding's tests: where the build tree and the test
# images are, a check that reports what failed, and a collector for
# exceptions raised inside event callbacks (sys.unraisablehook).
import os
import sys

top = os.environ.get("GUESTKIT_TOP") or \
    os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
datadir = os.environ.get("datadir") or os.path.join(top, "tests", "data")


def check(cond, what):
    """Fail the test (exit 1) unless cond holds; print the outcome."""
    if cond:
        print("ok - %s" % what)
    else:
        print("FAIL - %s" % what)
        sys.exit(1)


def equal(got, want, what):
    if got == want:
        print("ok - %s" % what)
    else:
        print("FAIL - %s: got %r, want %r" % (what, got, want))
        sys.exit(1)


def raises(exc, fn, *args, **kwargs):
    """The exception fn(*args, **kwargs) raises, which must be an exc."""
    try:
        fn(*args, **kwargs)
    except exc as e:
        return e
    except BaseException as e:
        print("FAIL - %s raised %r, want %s" % (getattr(fn, "__name__", fn), e,
                                                exc.__name__))
        sys.exit(1)
    print("FAIL - %s did not raise %s" % (getattr(fn, "__name__", fn), exc.__name__))
    sys.exit(1)


class Unraisable:
    """Collects what sys.unraisablehook gets while installed."""

    def __init__(self):
        self.seen = []

    def __enter__(self):
        self.old = sys.unraisablehook
        sys.unraisablehook = lambda u: self.seen.append(u.exc_value)
        return self

    def __exit__(self, *exc):
        sys.unraisablehook = self.old
