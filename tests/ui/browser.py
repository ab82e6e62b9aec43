#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Fleet view checks in headless Chromium (tests/ui/run.sh starts it).

usage: browser.py BASE_URL USER PASSWORD EXPECT.json OUTDIR

Logs in through the form, then checks the DOM of the device list, its
filters, a device page holding hostile device data, the findings page and
its filters, the stylesheet under the Content-Security-Policy, and logout;
saves screenshots in OUTDIR. Prints "ok - ..." / "not ok - ..." lines.
"""
import json
import os
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

base, user, password, expect_path, outdir = sys.argv[1:6]
expect = json.load(open(expect_path))
passed = failed = 0


def check(desc, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
        print("ok - " + desc)
    else:
        failed += 1
        print("not ok - %s%s" % (desc, (": " + str(detail)) if detail else ""))


def js(s):
    return json.dumps(s)


# Every element of the page: no script element, no event-handler attribute,
# no javascript: URL; device data must stay text.
HOSTILE_DOM = """(() => {
  const bad = [];
  if (document.scripts.length) bad.push('script elements: ' + document.scripts.length);
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) bad.push(el.tagName + ' ' + a.name);
      if (/^\\s*javascript:/i.test(a.value)) bad.push(el.tagName + ' ' + a.name + '=' + a.value);
    }
  }
  if (document.getElementById('pwn')) bad.push('injected element #pwn');
  return bad;
})()"""


def dialogs_and_csp(b):
    """Dialogs opened (an XSS would) and CSP violations the console saw."""
    bad = []
    for e in b.drain():
        if e["method"] == "Page.javascriptDialogOpening":
            bad.append("dialog: " + e["params"].get("message", ""))
            b.call("Page.handleJavaScriptDialog", {"accept": True})
        elif e["method"] == "Log.entryAdded":
            text = e["params"]["entry"].get("text", "")
            if "Content Security Policy" in text:
                bad.append("CSP: " + text)
    return bad


def rows(b, table):
    return b.eval("document.querySelectorAll('#%s tbody tr').length" % table)


def text(b, sel):
    return b.eval("(() => { const e = document.querySelector(%s); "
                  "return e ? e.textContent : null; })()" % js(sel))


profile = os.path.join(outdir, "profile")
os.makedirs(profile, exist_ok=True)
b = cdp.Browser(os.environ.get("CHROMIUM", "chromium"), profile, 1280, 800)
try:
    # not logged in: every page leads to the login form
    b.goto(base + "/findings")
    check("a page without a session leads to /login",
          b.eval("location.pathname") == "/login", b.eval("location.href"))
    b.drain()

    # a wrong password: 401 page with a message, still the form
    def submit_login(u, p):
        b.eval("document.getElementById('login-user').value = %s;"
               "document.getElementById('login-password').value = %s;" % (js(u), js(p)))
        b.load(lambda: b.eval("document.getElementById('login').click()"))
    submit_login(user, "not-the-password")
    check("a wrong password is refused with a message",
          b.eval("location.pathname") == "/login" and
          "Wrong user or password" in (text(b, "#message") or ""), text(b, "#message"))

    # the right one: the device list
    submit_login(user, password)
    check("login through the form reaches the device list",
          b.eval("location.pathname") == "/" and rows(b, "devices") is not None,
          b.eval("location.href"))
    check("the session cookie is not readable by scripts (HttpOnly)",
          "iothunt_session" not in b.eval("document.cookie"), b.eval("document.cookie"))
    cookies = b.call("Network.getCookies", {"urls": [base + "/"]})["cookies"]
    sess = [c for c in cookies if c["name"] == "iothunt_session"]
    check("session cookie is Secure, HttpOnly, SameSite=Strict",
          len(sess) == 1 and sess[0]["secure"] and sess[0]["httpOnly"] and
          sess[0].get("sameSite") == "Strict", sess)

    n = rows(b, "devices")
    check("device list shows every device (%d)" % expect["devices"],
          n == expect["devices"], n)
    for v, want in expect["verdicts"].items():
        got = text(b, "#n-" + v)
        check("tile %s counts %d" % (v, want), got == str(want), got)
    check("silent tile counts %d" % expect["silent"],
          text(b, "#n-silent") == str(expect["silent"]), text(b, "#n-silent"))
    check("the stylesheet applies under the CSP (header colour)",
          b.eval("getComputedStyle(document.querySelector('header')).backgroundColor")
          == "rgb(29, 43, 58)",
          b.eval("getComputedStyle(document.querySelector('header')).backgroundColor"))
    bars = b.eval("document.querySelectorAll('#chart rect').length")
    check("the findings-per-day chart is inline SVG with bars", bars and bars >= 2, bars)
    check("no script element in the device list, and no event attribute",
          b.eval(HOSTILE_DOM) == [], b.eval(HOSTILE_DOM))
    b.screenshot(os.path.join(outdir, "fleet-devices.png"), full=False)

    # per-device open findings as the store counted them
    for dev, want in expect["open"].items():
        got = b.eval("""(() => { const a = [...document.querySelectorAll('#devices tbody a')]
            .find(x => x.textContent === %s); if (!a) return null;
            return [...a.closest('tr').querySelectorAll('td.n')].map(t => +t.textContent); })()"""
                     % js(dev))
        check("open findings of %s (critical, high, medium, low) = %s" % (dev, want),
              got == want, got)

    # filter with the form: verdict infected
    b.eval("document.getElementById('f-verdict').value = 'infected'")
    b.load(lambda: b.eval("document.getElementById('apply').click()"))
    q = urllib.parse.parse_qs(urllib.parse.urlparse(b.eval("location.href")).query)
    n = rows(b, "devices")
    check("verdict filter (form) lists the %d infected devices" % expect["verdicts"]["infected"],
          q.get("verdict") == ["infected"] and n == expect["verdicts"]["infected"] and
          b.eval("[...document.querySelectorAll('#devices tbody tr')]"
                 ".every(r => r.className.startsWith('dev-infected'))"), (q, n))
    b.goto(base + "/?silent=1")
    names = b.eval("[...document.querySelectorAll('#devices tbody a')].map(a => a.textContent)")
    check("silent filter lists the silent devices", sorted(names) == sorted(expect["silent_devices"]),
          names)
    b.goto(base + "/?q=" + urllib.parse.quote(expect["q"]["text"]))
    check("device id filter", rows(b, "devices") == expect["q"]["count"], rows(b, "devices"))

    # the device with the hostile command line
    hostile = expect["hostile"]
    b.drain()
    b.goto(base + "/device?id=" + urllib.parse.quote(hostile["device"]))
    check("device page shows the device", text(b, "#device-id") == hostile["device"],
          text(b, "#device-id"))
    cmdlines = b.eval("[...document.querySelectorAll('dd.ev-cmdline')].map(d => d.textContent)")
    check("hostile cmdline shown as text, byte for byte", hostile["cmdline"] in cmdlines, cmdlines)
    exes = b.eval("[...document.querySelectorAll('dd.ev-exe')].map(d => d.textContent)")
    check("attribute-breaking exe shown as text", hostile["exe"] in exes, exes)
    summaries = b.eval("[...document.querySelectorAll('td.summary')].map(d => d.textContent)")
    check("hostile summary shown as text", hostile["summary"] in summaries, summaries)
    check("no script element and no event attribute on the hostile device page",
          b.eval(HOSTILE_DOM) == [], b.eval(HOSTILE_DOM))
    time.sleep(0.5)
    bad = dialogs_and_csp(b)
    check("no dialog opened and no CSP violation", bad == [], bad)
    check("device page lists its findings (%d)" % hostile["findings"],
          rows(b, "findings") == hostile["findings"], rows(b, "findings"))
    check("device page chart present", b.eval("!!document.querySelector('#chart')"))

    b.goto(base + "/device?id=" + urllib.parse.quote(expect["showcase"]))
    check("showcase device page has its scans",
          rows(b, "scans") >= 1 and rows(b, "findings") >= 1, (rows(b, "scans"), rows(b, "findings")))
    b.call("Emulation.setDeviceMetricsOverride",
           {"width": 1280, "height": 1250, "deviceScaleFactor": 1, "mobile": False})
    b.screenshot(os.path.join(outdir, "fleet-device.png"), full=False)
    b.call("Emulation.setDeviceMetricsOverride",
           {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})

    # the hostile verdict string from a summary line
    b.goto(base + "/device?id=" + urllib.parse.quote(expect["weird"]["device"]))
    check("a hostile verdict is text in an 'other' badge",
          text(b, "#verdict .v-other") == expect["weird"]["verdict"] and b.eval(HOSTILE_DOM) == [],
          (text(b, "#verdict"), b.eval(HOSTILE_DOM)))

    # findings page and its filters
    for name, f in expect["findings"].items():
        b.goto(base + "/findings?" + urllib.parse.urlencode(f["query"]))
        n = rows(b, "findings")
        ok = n == f["count"]
        if ok and "kind" in f["query"]:
            ok = b.eval("[...document.querySelectorAll('#findings td.type')]"
                        ".every(t => t.textContent === %s)" % js(f["query"]["kind"]))
        if ok and "severity" in f["query"]:
            ok = b.eval("[...document.querySelectorAll('#findings td.sev')]"
                        ".every(t => t.textContent === %s)" % js(f["query"]["severity"]))
        if ok and "family" in f["query"]:
            ok = b.eval("[...document.querySelectorAll('#findings td.family')]"
                        ".every(t => t.textContent.toLowerCase() === %s)"
                        % js(f["query"]["family"].lower()))
        check("findings filter %s: %d rows" % (name, f["count"]), ok, n)
    b.goto(base + "/findings?severity=bogus")
    check("a bad filter value is a 400 page with the reason",
          "severity is" in (text(b, "#message") or ""), text(b, "#message"))
    b.goto(base + "/findings")
    b.screenshot(os.path.join(outdir, "fleet-findings.png"), full=False)

    # logout is a POST with the CSRF field; afterwards the cookie is gone
    b.load(lambda: b.eval("document.getElementById('logout').click()"))
    check("logout (POST form) returns to the login page", b.eval("location.pathname") == "/login",
          b.eval("location.href"))
    b.goto(base + "/")
    check("after logout the device list needs a login again",
          b.eval("location.pathname") == "/login", b.eval("location.href"))
    bad = dialogs_and_csp(b)
    check("no dialog and no CSP violation over the whole run", bad == [], bad)
except cdp.CdpError as e:
    check("browser session", False, e)
finally:
    b.close()
print("# browser: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
