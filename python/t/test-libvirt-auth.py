# libvirt authentication from Python, as libguestfs's binding does it:
# set_libvirt_supported_credentials, then an EVENT_LIBVIRT_AUTH callback
# that reads what libvirt asks and answers it; add_domain through
# libvirt's test driver, whose <auth> section asks for a user and
# password.  No appliance is launched.
import os
import shutil
import tempfile

import guestfs
from helpers import check, datadir, equal, raises

tmp = tempfile.mkdtemp(prefix="pylibvirtauth.")
try:
    xml = os.path.join(tmp, "auth.xml")
    with open(xml, "w") as f:
        f.write("<node><auth><user password='s3cret'>bob</user></auth>"
                "<domain type='test'><name>deb</name><memory>1048576</memory>"
                "<os><type>hvm</type></os><devices>"
                "<disk type='file' device='disk'><driver name='qemu' type='raw'/>"
                "<source file='%s/inspect-debian.img'/><target dev='vda'/></disk>"
                "</devices></domain></node>\n" % datadir)
    uri = "test://" + xml
    asked = []
    answers = {"authname": b"bob", "passphrase": b"s3cret"}

    def auth_cb(ev, eh, buf, array):
        equal(buf, uri.encode(), "the event carries the URI")
        for i, kind in enumerate(g.get_libvirt_requested_credentials()):
            asked.append((kind, g.get_libvirt_requested_credential_prompt(i)))
            g.set_libvirt_requested_credential(i, answers[kind])

    g = guestfs.GuestFS(python_return_dict=True)
    g.set_libvirt_supported_credentials(["authname", "passphrase"])
    g.set_event_callback(auth_cb, guestfs.EVENT_LIBVIRT_AUTH)
    equal(g.add_domain("deb", libvirturi=uri, readonly=True), 1,
          "add_domain after authentication: one disk")
    equal(sorted(k for k, p in asked), ["authname", "passphrase"],
          "libvirt asked for authname and passphrase")
    check(all(isinstance(p, str) for k, p in asked), "prompts are strings")

    answers["passphrase"] = b"wrong"
    e = raises(guestfs.Error, g.add_domain, "deb", libvirturi=uri, readonly=True)
    check("authentication failed" in str(e), "a wrong password: %s" % e)
    e = raises(guestfs.Error, g.get_libvirt_requested_credentials)
    check("has not requested" in str(e), "outside a callback: %s" % e)
    check(not hasattr(g, "add_libvirt_dom"), "add_libvirt_dom is C only")
    g.close()
finally:
    shutil.rmtree(tmp)
