package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestListenRsyslog has a real rsyslogd send to the receiver over TLS
// with its own client certificate, as a relay or Azure Stack Hub's
// forwarder does: omfwd with the ossl and the gtls driver, x509/name
// authentication and octet-counted framing. rsyslogd reads N messages
// from a file (imfile); all N must arrive, parsed, once each.
func TestListenRsyslog(t *testing.T) {
	rsyslogd, err := exec.LookPath("rsyslogd")
	if err != nil {
		if _, err = os.Stat("/usr/sbin/rsyslogd"); err != nil {
			missingPeer(t, "rsyslogd is not installed (.ci/run installs rsyslog, rsyslog-openssl and rsyslog-gnutls)")
		}
		rsyslogd = "/usr/sbin/rsyslogd"
	}
	for _, driver := range []string{"ossl", "gtls"} {
		t.Run(driver, func(t *testing.T) {
			if _, err := os.Stat(fmt.Sprintf("/usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_%s.so", driver)); err != nil {
				if _, err2 := os.Stat(fmt.Sprintf("/usr/lib/rsyslog/lmnsd_%s.so", driver)); err2 != nil {
					missingPeer(t, fmt.Sprintf("rsyslog's %s driver is not installed", driver))
				}
			}
			const n = 2000
			pk := newPKI(t)
			dir := t.TempDir()
			out := filepath.Join(dir, "out.jsonl")
			p := startListen(t, nil, append(pk.tlsArgs(), "--out", out, "--permitted-peer", "sender.example.com")...)

			input := filepath.Join(dir, "input.log")
			var b strings.Builder
			for i := range n {
				fmt.Fprintf(&b, "event seq=%05d via %s\n", i, driver)
			}
			if err := os.WriteFile(input, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			work := filepath.Join(dir, "work")
			os.Mkdir(work, 0o755)
			conf := filepath.Join(dir, "rsyslog.conf")
			os.WriteFile(conf, []byte(fmt.Sprintf(`
global(workDirectory=%q
       DefaultNetstreamDriverCAFile=%q
       DefaultNetstreamDriverCertFile=%q
       DefaultNetstreamDriverKeyFile=%q)
module(load="imfile")
input(type="imfile" File=%q Tag="loadtest:" freshStartTail="off")
action(type="omfwd" Target="127.0.0.1" Port=%q Protocol="tcp"
       StreamDriver=%q StreamDriverMode="1" StreamDriverAuthMode="x509/name"
       StreamDriverPermittedPeers="server.test"
       TCP_Framing="octet-counted"
       Template="RSYSLOG_SyslogProtocol23Format")
`, work, pk.ca, pk.clientCert, pk.clientKey, input, port(p.addr("tls")), driver)), 0o644)

			cmd := exec.Command(rsyslogd, "-n", "-f", conf, "-i", filepath.Join(dir, "rsyslogd.pid"))
			var rlog strings.Builder
			cmd.Stdout, cmd.Stderr = &rlog, &rlog
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer func() {
				cmd.Process.Signal(syscall.SIGTERM)
				cmd.Wait()
			}()
			deadline := time.Now().Add(60 * time.Second)
			for countLines(out) < n && time.Now().Before(deadline) {
				time.Sleep(50 * time.Millisecond)
			}
			// Give a duplicate the time to show.
			time.Sleep(300 * time.Millisecond)
			_, c := p.stop()
			recs := readRecords(t, out)
			seen := map[string]int{}
			for _, r := range recs {
				if r.Error != nil || r.Format != "rfc5424" || r.Syslog.AppName != "loadtest" || r.Peer.Transport != "tls" || r.Peer.Name != "sender.example.com" {
					t.Fatalf("record %+v", r)
				}
				seen[r.Syslog.Message]++
			}
			for i := range n {
				m := fmt.Sprintf("event seq=%05d via %s", i, driver)
				if seen[m] != 1 {
					t.Fatalf("%q arrived %d times (%d records; rsyslogd said:\n%s)\n%s", m, seen[m], len(recs), rlog.String(), p.stderrText())
				}
			}
			if len(recs) != n || c.Handshake["bad_client_certificate"] != 0 {
				t.Errorf("%d records, counters %+v", len(recs), c)
			}
		})
	}
}

func port(addr string) string {
	i := strings.LastIndexByte(addr, ':')
	return addr[i+1:]
}
