package main

import (
	"bufio"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// msg5424 is an RFC 5424 message whose MSG is text.
func msg5424(text string) string { return "<134>1 2025-03-14T09:26:53Z sender app - - - " + text }

func TestListenUDPAndTCP(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.jsonl")
	p := startListen(t, nil, "--udp", "127.0.0.1:0", "--tcp", "127.0.0.1:0", "--out", out)

	u, err := net.Dial("udp", p.addr("udp"))
	if err != nil {
		t.Fatal(err)
	}
	u.Write([]byte(msg5424("udp one") + "\n")) // a trailing LF is not part of the message
	u.Write([]byte(msg5424("udp two")))
	u.Close()

	for _, stream := range []string{
		octet(msg5424("tcp octet")) + octet(msg5424("tcp octet 2")),
		msg5424("tcp line") + "\n" + msg5424("tcp line 2") + "\r\n",
		octet(msg5424("ok")) + "oops\n" + octet(msg5424("after a bad length")),
	} {
		c, err := net.Dial("tcp", p.addr("tcp"))
		if err != nil {
			t.Fatal(err)
		}
		c.Write([]byte(stream))
		c.Close()
	}
	waitFor(t, "9 records", 30*time.Second, func() bool { return countLines(out) == 9 })
	status, c := p.stop()
	if status != 0 {
		t.Errorf("exit status %d", status)
	}
	byMsg := map[string]outRecord{}
	for _, r := range readRecords(t, out) {
		key := r.Syslog.Message
		if r.Error != nil {
			key = "!" + r.Error.Reason
		}
		byMsg[key] = r
	}
	for _, m := range []string{"udp one", "udp two", "tcp octet", "tcp octet 2", "tcp line", "tcp line 2", "ok", "!invalid frame length", "after a bad length"} {
		r, ok := byMsg[m]
		if !ok {
			t.Errorf("no record %q in %v", m, byMsg)
			continue
		}
		want := "tcp"
		if strings.HasPrefix(m, "udp") {
			want = "udp"
		}
		if r.Peer.Transport != want || !strings.HasPrefix(r.Peer.Address, "127.0.0.1:") || time.Since(r.Received) > time.Minute {
			t.Errorf("%q: peer %+v, received %v", m, r.Peer, r.Received)
		}
	}
	if c.Received != 9 || c.Parsed != 8 || c.Errors != 1 || c.Written != 9 || c.Dropped != 0 || c.Connections != 3 {
		t.Errorf("counters %+v", c)
	}
}

// TestListenTLS covers TLS 1.2 and 1.3 with mutual authentication, and
// the clients that must be refused and counted.
func TestListenTLS(t *testing.T) {
	pk := newPKI(t)
	out := filepath.Join(t.TempDir(), "out.jsonl")
	args := append(pk.tlsArgs(), "--out", out, "--permitted-peer", "*.example.com", "--handshake-timeout", "1s")
	p := startListen(t, nil, args...)
	addr := p.addr("tls")

	for _, v := range []struct {
		name string
		ver  uint16
	}{{"tls1.2", tls.VersionTLS12}, {"tls1.3", tls.VersionTLS13}} {
		c, err := pk.dialTLS(addr, &pk.clientPair, v.ver, v.ver)
		if err != nil {
			t.Fatalf("%s: %v", v.name, err)
		}
		if _, err := c.Write([]byte(octet(msg5424("over " + v.name)))); err != nil {
			t.Fatal(err)
		}
		c.Close()
	}
	refused := func(name string, cert *tls.Certificate) {
		t.Helper()
		c, err := pk.dialTLS(addr, cert, tls.VersionTLS12, tls.VersionTLS13)
		if err == nil {
			// TLS 1.3 clients learn of the refusal on their first read.
			c.Write([]byte(octet(msg5424("must not arrive"))))
			c.SetReadDeadline(time.Now().Add(5 * time.Second))
			_, err = c.Read(make([]byte, 1))
			c.Close()
		}
		if err == nil || isTimeout(err) {
			t.Errorf("%s: not refused", name)
		}
	}
	refused("no certificate", nil)
	refused("another CA", &pk.otherPair)
	refused("name not permitted", &pk.intruPair)
	// A client that connects and says nothing runs into the handshake
	// timeout.
	idle, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()

	waitFor(t, "the handshake failures", 30*time.Second, func() bool {
		c := p.report()
		return c.Handshake["timeout"] == 1
	})
	status, c := p.stop()
	if status != 0 {
		t.Errorf("status %d", status)
	}
	want := map[string]int64{"no_client_certificate": 1, "bad_client_certificate": 1, "peer_not_permitted": 1, "timeout": 1}
	for k, n := range want {
		if c.Handshake[k] != n {
			t.Errorf("handshake failures %v, want %v", c.Handshake, want)
			break
		}
	}
	recs := readRecords(t, out)
	if len(recs) != 2 {
		t.Fatalf("%d records: %+v", len(recs), recs)
	}
	for _, r := range recs {
		if r.Peer.Transport != "tls" || r.Peer.Name != "sender.example.com" || !strings.HasPrefix(r.Syslog.Message, "over tls1.") {
			t.Errorf("record %+v", r)
		}
	}
}

// TestListenTLSMin checks --tls-min 1.3: a TLS 1.2 client is refused.
func TestListenTLSMin(t *testing.T) {
	pk := newPKI(t)
	p := startListen(t, nil, "--tls", "127.0.0.1:0", "--cert", pk.serverCert, "--key", pk.serverKey, "--tls-min", "1.3", "--out", os.DevNull)
	if _, err := pk.dialTLS(p.addr("tls"), nil, tls.VersionTLS12, tls.VersionTLS12); err == nil {
		t.Error("a TLS 1.2 client got in")
	}
	c, err := pk.dialTLS(p.addr("tls"), nil, tls.VersionTLS13, tls.VersionTLS13)
	if err != nil {
		t.Fatalf("TLS 1.3 without --client-ca: %v", err)
	}
	c.Close()
	_, cs := p.stop()
	if cs.Handshake["protocol_version"] != 1 {
		t.Errorf("handshake failures %v", cs.Handshake)
	}
}

// TestListenReload replaces the server certificate and sends SIGHUP: new
// connections get the new one.
func TestListenReload(t *testing.T) {
	pk := newPKI(t)
	p := startListen(t, nil, "--tls", "127.0.0.1:0", "--cert", pk.serverCert, "--key", pk.serverKey, "--out", os.DevNull)
	serial := func() string {
		c, err := pk.dialTLS(p.addr("tls"), nil, tls.VersionTLS12, tls.VersionTLS13)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		return c.ConnectionState().PeerCertificates[0].SerialNumber.String()
	}
	before := serial()
	cert, key := pk.issue(t, "server2", "server.test", pk.caCert, pk.caPriv, true)
	for _, f := range [][2]string{{cert, pk.serverCert}, {key, pk.serverKey}} {
		data, _ := os.ReadFile(f[0])
		os.WriteFile(f[1], data, 0o600)
	}
	p.signal(syscall.SIGHUP)
	p.waitLine("certificates reloaded")
	if after := serial(); after == before {
		t.Errorf("still serial %s after SIGHUP", after)
	}
	// A broken file keeps the old certificate.
	os.WriteFile(pk.serverKey, []byte("not a key"), 0o600)
	p.signal(syscall.SIGHUP)
	p.waitLine("keeping the old certificates")
	serial()
}

func TestListenLimits(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.jsonl")
	p := startListen(t, nil, "--tcp", "127.0.0.1:0", "--max-conns", "2", "--idle-timeout", "300ms", "--max-size", "64", "--out", out)
	var conns []net.Conn
	for range 2 {
		c, err := net.Dial("tcp", p.addr("tcp"))
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	waitFor(t, "two open connections", 30*time.Second, func() bool { return p.report().Open == 2 })
	third, err := net.Dial("tcp", p.addr("tcp"))
	if err != nil {
		t.Fatal(err)
	}
	third.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := third.Read(make([]byte, 1)); err != io.EOF {
		t.Errorf("the connection over --max-conns was not closed: %v", err)
	}
	// The idle ones are closed by the idle timeout.
	for _, c := range conns {
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		if _, err := c.Read(make([]byte, 1)); err != io.EOF {
			t.Errorf("idle connection not closed: %v", err)
		}
	}
	// A message over --max-size is a record with an error, and the next
	// one arrives whole.
	c, _ := net.Dial("tcp", p.addr("tcp"))
	c.Write([]byte(octet(msg5424(strings.Repeat("x", 200))) + octet(msg5424("short"))))
	c.Close()
	waitFor(t, "2 records", 30*time.Second, func() bool { return countLines(out) == 2 })
	_, cs := p.stop()
	recs := readRecords(t, out)
	if recs[0].Error == nil || recs[0].Error.Reason != "message longer than 64 bytes" || recs[1].Syslog.Message != "short" {
		t.Errorf("records %+v", recs)
	}
	if cs.Rejected != 1 || cs.Open != 0 {
		t.Errorf("counters %+v", cs)
	}
}

// TestListenMetrics reads the counters over HTTP.
func TestListenMetrics(t *testing.T) {
	p := startListen(t, nil, "--udp", "127.0.0.1:0", "--metrics", "127.0.0.1:0", "--out", os.DevNull)
	u, _ := net.Dial("udp", p.addr("udp"))
	u.Write([]byte(msg5424("x")))
	u.Close()
	var got struct {
		Cefsyslog counters
		Memstats  map[string]any
	}
	waitFor(t, "the metrics", 30*time.Second, func() bool {
		resp, err := http.Get("http://" + p.addr("metrics") + "/debug/vars")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		return json.NewDecoder(resp.Body).Decode(&got) == nil && got.Cefsyslog.Received == 1
	})
	if got.Memstats == nil {
		t.Error("expvar's own variables are missing")
	}
}

// TestListenLoad sends N messages over several TCP and TLS connections at
// once: all arrive, once each, and memory stays bounded.
func TestListenLoad(t *testing.T) {
	const conns, perConn = 8, 5000
	pk := newPKI(t)
	out := filepath.Join(t.TempDir(), "out.jsonl")
	p := startListen(t, nil, append(pk.tlsArgs(), "--tcp", "127.0.0.1:0", "--out", out, "--queue", "1000")...)
	errs := make(chan error, conns)
	for i := range conns {
		go func() {
			var c net.Conn
			var err error
			if i%2 == 0 {
				c, err = net.Dial("tcp", p.addr("tcp"))
			} else {
				c, err = pk.dialTLS(p.addr("tls"), &pk.clientPair, tls.VersionTLS12, tls.VersionTLS13)
			}
			if err != nil {
				errs <- err
				return
			}
			w := bufio.NewWriter(c)
			for j := range perConn {
				fmt.Fprint(w, octet(msg5424(fmt.Sprintf("conn=%d seq=%d", i, j))))
			}
			w.Flush()
			errs <- c.Close()
		}()
	}
	for range conns {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, "all records", 60*time.Second, func() bool { return countLines(out) == conns*perConn })
	hwm := peakRSS(t, p.cmd.Process.Pid)
	status, c := p.stop()
	seen := make(map[string]bool, conns*perConn)
	for _, r := range readRecords(t, out) {
		if seen[r.Syslog.Message] {
			t.Fatalf("duplicate %q", r.Syslog.Message)
		}
		seen[r.Syslog.Message] = true
	}
	if len(seen) != conns*perConn || status != 0 || c.Received != conns*perConn || c.Dropped != 0 {
		t.Errorf("%d distinct records, status %d, counters %+v", len(seen), status, c)
	}
	// The queue holds 1000 records of about 300 bytes; 40,000 messages
	// must not show in memory.
	if hwm > 100<<20 {
		t.Errorf("peak RSS %d MiB", hwm>>20)
	}
}

// peakRSS reads a process's peak resident set size from /proc.
func peakRSS(t *testing.T, pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(v), " kB"), &kb)
			return kb << 10
		}
	}
	t.Skip("no VmHWM")
	return 0
}

// TestListenBackPressure stalls the output: a TCP sender is slowed down,
// not dropped, and everything arrives once the output moves again. UDP
// datagrams that find the queue full are dropped and counted.
func TestListenBackPressure(t *testing.T) {
	pr, pw := io.Pipe()
	p := startListen(t, pw, "--tcp", "127.0.0.1:0", "--udp", "127.0.0.1:0", "--queue", "4")
	const n = 20000
	payload := []byte(strings.Repeat(octet(msg5424(strings.Repeat("y", 200))), n))
	c, err := net.Dial("tcp", p.addr("tcp"))
	if err != nil {
		t.Fatal(err)
	}
	sent := make(chan error, 1)
	go func() {
		_, err := c.Write(payload)
		sent <- err
	}()
	// Nobody reads the output: the sender must be held back.
	select {
	case err := <-sent:
		t.Fatalf("%d bytes went through a stalled output (err %v)", len(payload), err)
	case <-time.After(time.Second):
	}
	u, _ := net.Dial("udp", p.addr("udp"))
	for range 50 {
		u.Write([]byte(msg5424("udp while stalled")))
	}
	u.Close()
	// Let the output go: all TCP messages arrive.
	lines := make(chan int)
	go func() {
		sc := bufio.NewScanner(pr)
		sc.Buffer(nil, 1<<20)
		tcp, other := 0, 0
		for sc.Scan() {
			if strings.Contains(sc.Text(), `"transport":"tcp"`) {
				tcp++
			} else {
				other++
			}
		}
		lines <- tcp
		lines <- other
	}()
	if err := <-sent; err != nil {
		t.Fatal(err)
	}
	c.Close()
	cs := p.report()
	waitFor(t, "the TCP messages", 30*time.Second, func() bool { cs = p.report(); return cs.Received-cs.Dropped == cs.Written })
	_, cs = p.stop()
	pw.Close()
	tcp, udp := <-lines, <-lines
	if tcp != n {
		t.Errorf("%d of %d TCP records", tcp, n)
	}
	if cs.Dropped == 0 || int64(udp)+cs.Dropped != 50 || cs.Received != n+50 {
		t.Errorf("udp: %d written, counters %+v", udp, cs)
	}
}

func TestListenFlags(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "nothing to listen on"},
		{[]string{"--tls", ":0"}, "--tls needs --cert and --key"},
		{[]string{"--tcp", ":0", "--cert", "x"}, "need --tls"},
		{[]string{"--tls", ":0", "--cert", "a", "--key", "b", "--permitted-peer", "x"}, "needs --client-ca"},
		{[]string{"--tcp", ":0", "--tls-min", "1.1"}, "use 1.2 or 1.3"},
		{[]string{"--tcp", "256.0.0.1:0"}, "--tcp"},
		{[]string{"--tls", ":0", "--cert", "/nonexistent", "--key", "/nonexistent"}, "--cert/--key"},
		{[]string{"--tcp", ":0", "--framing", "smoke"}, "unknown mode"},
		{[]string{"--tls", ":0", "--cert", "a", "--key", "b", "--client-ca", "c", "--permitted-peer", "a.*.com"}, "wildcard"},
		{[]string{"--tcp", ":0", "extra"}, "unexpected argument"},
	} {
		_, stderr, status := runCmd(t, "", append([]string{"listen"}, tt.args...)...)
		if status != exitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: status %d, stderr %q", tt.args, status, stderr)
		}
	}
}

func TestMatchPeer(t *testing.T) {
	for _, tt := range []struct {
		pattern, name string
		want          bool
	}{
		{"sender.example.com", "sender.example.com", true},
		{"sender.example.com", "SENDER.Example.com", true},
		{"*.example.com", "a.example.com", true},
		{"*.example.com", "example.com", false},
		{"*.example.com", "a.b.example.com", false},
		{"*.example.com", ".example.com", false},
		{"sender.example.com", "other.example.com", false},
	} {
		if got := matchPeer(tt.pattern, tt.name); got != tt.want {
			t.Errorf("matchPeer(%q, %q) = %v", tt.pattern, tt.name, got)
		}
	}
}

// TestListenSchema: listen writes the schema's documents with received
// and peer added.
func TestListenSchema(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.jsonl")
	p := startListen(t, nil, "--tcp", "127.0.0.1:0", "--out", out, "--schema", "ecs")
	c, err := net.Dial("tcp", p.addr("tcp"))
	if err != nil {
		t.Fatal(err)
	}
	c.Write([]byte("<134>1 2026-11-24T10:00:00Z fw1 CEF - - - CEF:0|Acme|FW|1|100|allow|3|src=10.0.0.1\n"))
	c.Close()
	waitFor(t, "1 record", 30*time.Second, func() bool { return countLines(out) == 1 })
	p.stop()
	data, _ := os.ReadFile(out)
	var doc struct {
		Source   struct{ IP string }
		Received time.Time
		Peer     struct{ Transport string }
	}
	if err := json.Unmarshal(data, &doc); err != nil || doc.Source.IP != "10.0.0.1" || doc.Peer.Transport != "tcp" || doc.Received.IsZero() {
		t.Errorf("%v: %s", err, data)
	}
}
