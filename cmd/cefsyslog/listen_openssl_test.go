package main

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestListenOpenSSL uses openssl s_client as a second TLS client, with
// TLS 1.3 only and TLS 1.2 only and the usual cipher suites of each, and
// with the clients that must be refused.
func TestListenOpenSSL(t *testing.T) {
	openssl, err := exec.LookPath("openssl")
	if err != nil {
		missingPeer(t, "openssl is not installed (.ci/run installs it)")
	}
	pk := newPKI(t)
	out := filepath.Join(t.TempDir(), "out.jsonl")
	p := startListen(t, nil, append(pk.tlsArgs(), "--out", out, "--permitted-peer", "sender.example.com")...)

	sclient := func(name string, extra ...string) error {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		args := append([]string{"s_client", "-connect", p.addr("tls"), "-servername", "server.test",
			"-CAfile", pk.ca, "-verify_return_error", "-quiet", "-no_ign_eof"}, extra...)
		cmd := exec.CommandContext(ctx, openssl, args...)
		cmd.Stdin = strings.NewReader(octet(msg5424(name)))
		outb, err := cmd.CombinedOutput()
		if ctx.Err() != nil {
			t.Fatalf("%s: openssl did not finish:\n%s", name, outb)
		}
		return err
	}
	client := []string{"-cert", pk.clientCert, "-key", pk.clientKey}
	var sent []string
	for _, suite := range []string{"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"} {
		name := "tls1.3 " + suite
		if err := sclient(name, append([]string{"-tls1_3", "-ciphersuites", suite}, client...)...); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		sent = append(sent, name)
	}
	for _, cipher := range []string{"ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-ECDSA-CHACHA20-POLY1305"} {
		name := "tls1.2 " + cipher
		if err := sclient(name, append([]string{"-tls1_2", "-cipher", cipher}, client...)...); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		sent = append(sent, name)
	}
	// Refused: whatever openssl makes of it, nothing may arrive.
	sclient("refused: no certificate", "-tls1_3")
	sclient("refused: another CA", "-tls1_2", "-cert", pk.otherCert, "-key", pk.otherKey)
	sclient("refused: not permitted", "-tls1_3", "-cert", pk.intruderCert, "-key", pk.intruderKey)

	waitFor(t, "the records", 30*time.Second, func() bool { return countLines(out) >= len(sent) })
	_, c := p.stop()
	recs := readRecords(t, out)
	var got []string
	for _, r := range recs {
		got = append(got, r.Syslog.Message)
		if r.Peer.Name != "sender.example.com" {
			t.Errorf("peer %+v", r.Peer)
		}
	}
	if strings.Join(got, ",") != strings.Join(sent, ",") {
		t.Errorf("records %q, want %q", got, sent)
	}
	want := map[string]int64{"no_client_certificate": 1, "bad_client_certificate": 1, "peer_not_permitted": 1}
	if fmt.Sprint(c.Handshake) != fmt.Sprint(want) {
		t.Errorf("handshake failures %v, want %v", c.Handshake, want)
	}
}
