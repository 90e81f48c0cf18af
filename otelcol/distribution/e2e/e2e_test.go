// Package e2e tests the test distribution end to end: the Collector built
// from the committed sources, running the example configuration of
// otelcol/README.md on loopback, fed over mutually authenticated TLS by a
// Go sender, openssl s_client and rsyslogd, exporting over OTLP/TLS to a
// second Collector that writes every record to a file.
package e2e

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/cefsyslog/cefsyslog/otelcol/distribution/internal/testcerts"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
)

// collector is the distribution's binary, built once by TestMain.
var collector string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "otelcol-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	collector = filepath.Join(dir, "otelcol-cefsyslog")
	// go test puts its own GOROOT/bin first on the PATH, so this is the
	// toolchain that runs the test.
	build := exec.Command("go", "build", "-o", collector, "..")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building the distribution:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// senders are the clients that each send the same messages once.
var senders = []string{"go", "openssl", "rsyslog"}

const perSender = 1000

// message returns the i-th test message of a sender: RFC 5424, BSD
// syslog, CEF in BSD syslog and an Azure Stack Hub privileged endpoint
// event in turn, each carrying the token e2e-SENDER-I in its body.
func message(sender string, i int) string {
	tok := fmt.Sprintf("e2e-%s-%d", sender, i)
	switch i % 4 {
	case 0:
		return fmt.Sprintf(`<165>1 2026-12-05T05:00:00.000Z web01 shop 1234 ID47 [meta sequenceId="%d"] %s order placed`, i+1, tok)
	case 1:
		return fmt.Sprintf(`<34>Dec  5 05:00:00 mail01 sshd[42]: %s failed password for root`, tok)
	case 2:
		return fmt.Sprintf(`<134>Dec  5 05:00:00 fw01 CEF:0|Palo Alto Networks|PAN-OS|10.1|THREAT|Blocked|8|src=10.0.0.1 dst=10.0.0.2 dpt=443 msg=%s`, tok)
	default:
		return fmt.Sprintf(`<84>1 2025-03-14T09:27:10.482+01:00 AZS-ERCS01 - - - - CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-AzureStack-PrivilegedEndpoint: 1000|PrivilegedEndpointAccessedEvent|5|Who=CONTOSO\\cloudadmin WhichIP=10.0.0.5 msg=%s`, tok)
	}
}

func TestEndToEnd(t *testing.T) {
	rsyslogd := findRsyslogd(t)
	dir := t.TempDir()
	tlsDir := filepath.Join(dir, "tls")
	pk, err := testcerts.Write(tlsDir)
	if err != nil {
		t.Fatal(err)
	}

	gatewayAddr, metricsPort := freePort(t), freePort(t)
	out := filepath.Join(dir, "gateway.jsonl")
	gateway := start(t, "gateway", "testdata/gateway.yaml",
		"GATEWAY_ENDPOINT="+gatewayAddr, "TLS_DIR="+tlsDir, "GATEWAY_OUT="+out)

	config := filepath.Join(dir, "edge.yaml")
	if err := os.WriteFile(config, readmeConfig(t), 0o644); err != nil {
		t.Fatal(err)
	}
	endpoint := freePort(t)
	edge := start(t, "edge", config,
		"CEFSYSLOG_ENDPOINT="+endpoint, "TLS_DIR="+tlsDir, "OTLP_ENDPOINT="+gatewayAddr,
		"METRICS_HOST=127.0.0.1", "METRICS_PORT="+port(metricsPort))
	waitListening(t, edge, endpoint)
	waitListening(t, gateway, gatewayAddr)

	// Refusals first, so that anything they got through would be counted.
	if err := sendGo(pk, endpoint, "nocert", false); err == nil {
		t.Error("a client without a certificate was not refused")
	}
	if err := refusesPlain(endpoint); err != nil {
		t.Errorf("a plaintext client was not refused: %v", err)
	}

	if err := sendGo(pk, endpoint, "go", true); err != nil {
		t.Fatalf("go sender: %v\n%s", err, edge.log())
	}
	sendOpenSSL(t, pk, endpoint)
	stopRsyslog := sendRsyslog(t, rsyslogd, pk, dir, endpoint)
	defer stopRsyslog()

	want := len(senders) * perSender
	deadline := time.Now().Add(2 * time.Minute)
	for {
		recs, _ := readGateway(t, out)
		if len(recs) >= want || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	// Give a late duplicate the time to show.
	time.Sleep(500 * time.Millisecond)
	recs, hosts := readGateway(t, out)

	for _, s := range senders {
		var missing []int
		for i := range perSender {
			tok := fmt.Sprintf("e2e-%s-%d", s, i)
			if r, ok := recs[tok]; ok {
				checkRecord(t, tok, i, r, hosts[tok])
			} else {
				missing = append(missing, i)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%d of %s's %d messages never arrived, from number %d", len(missing), s, perSender, missing[0])
		}
	}
	if t.Failed() {
		t.Fatalf("edge:\n%s\ngateway:\n%s", edge.log(), gateway.log())
	}
	for _, tok := range []string{"e2e-nocert-0", "e2e-plain-0"} {
		if _, ok := recs[tok]; ok {
			t.Errorf("%s arrived from a client that must be refused", tok)
		}
	}
	if len(recs) != want {
		t.Errorf("%d distinct records, want %d", len(recs), want)
	}

	// The receiver's own metrics agree with what crossed both tiers.
	accepted := scrape(t, metricsPort, `otelcol_receiver_accepted_log_records{`, `receiver="cefsyslog"`)
	if accepted != float64(want) {
		t.Errorf("otelcol_receiver_accepted_log_records = %v, want %d", accepted, want)
	}

	for _, p := range []*proc{edge, gateway} {
		if code := p.term(t); code != 0 {
			t.Errorf("%s exited %d after SIGTERM\n%s", p.name, code, p.log())
		}
	}
}

// checkRecord asserts the attributes the mapping promises for each kind of
// message the test sends.
func checkRecord(t *testing.T, tok string, i int, r plog.LogRecord, host string) {
	t.Helper()
	attr := func(k string) string {
		v, ok := r.Attributes().Get(k)
		if !ok {
			return "<missing>"
		}
		return v.AsString()
	}
	peer := attr("net.peer.address")
	if !strings.HasPrefix(peer, "127.0.0.1:") {
		t.Errorf("%s: net.peer.address %q", tok, peer)
	}
	if _, ok := r.Attributes().Get("cefsyslog.error"); ok {
		t.Errorf("%s: cefsyslog.error %q", tok, attr("cefsyslog.error"))
	}
	type want struct{ format, host, sev string }
	var w want
	switch i % 4 {
	case 0:
		w = want{"rfc5424", "web01", "notice"}
		if attr("syslog.appname") != "shop" || attr("syslog.msgid") != "ID47" {
			t.Errorf("%s: appname %q msgid %q", tok, attr("syslog.appname"), attr("syslog.msgid"))
		}
		sd, _ := r.Attributes().Get("syslog.structured_data")
		if sd.Type() != pcommon.ValueTypeMap {
			t.Errorf("%s: syslog.structured_data is %s", tok, sd.Type())
		} else if meta, _ := sd.Map().Get("meta"); meta.Map().Len() == 0 {
			t.Errorf("%s: no meta element in %v", tok, sd.AsRaw())
		} else if seq, _ := meta.Map().Get("sequenceId"); seq.AsString() != strconv.Itoa(i+1) {
			t.Errorf("%s: meta sequenceId %q", tok, seq.AsString())
		}
	case 1:
		w = want{"rfc3164", "mail01", "crit"}
		if attr("syslog.appname") != "sshd" || attr("syslog.procid") != "42" {
			t.Errorf("%s: appname %q procid %q", tok, attr("syslog.appname"), attr("syslog.procid"))
		}
	case 2:
		w = want{"rfc3164", "fw01", "error"} // CEF 8 is High
		if attr("cef.deviceVendor") != "Palo Alto Networks" || attr("cef.name") != "Blocked" || attr("cef.severity") != "8" {
			t.Errorf("%s: CEF header %v", tok, r.Attributes().AsRaw())
		}
		ext, _ := r.Attributes().Get("cef.extensions")
		if ext.Type() != pcommon.ValueTypeMap {
			t.Errorf("%s: cef.extensions is %s", tok, ext.Type())
		} else if m, _ := ext.Map().Get("msg"); m.AsString() != tok {
			t.Errorf("%s: cef.extensions %v", tok, ext.AsRaw())
		}
	case 3:
		w = want{"rfc5424", "AZS-ERCS01", "warning"}
		az, _ := r.Attributes().Get("azurestack")
		if az.Type() != pcommon.ValueTypeMap {
			t.Fatalf("%s: azurestack is %s in %v", tok, az.Type(), r.Attributes().AsRaw())
		}
		kind, _ := az.Map().Get("kind")
		id, _ := az.Map().Get("event_id")
		name, _ := az.Map().Get("event_name")
		if kind.AsString() != "pep" || id.Int() != 1000 || name.AsString() != "PrivilegedEndpointAccessed" {
			t.Errorf("%s: azurestack %v", tok, az.AsRaw())
		}
	}
	if f := attr("syslog.format"); f != w.format {
		t.Errorf("%s: syslog.format %q, want %q", tok, f, w.format)
	}
	if host != w.host {
		t.Errorf("%s: host.name %q, want %q", tok, host, w.host)
	}
	if r.SeverityText() != w.sev {
		t.Errorf("%s: severity %q (%d), want %q", tok, r.SeverityText(), r.SeverityNumber(), w.sev)
	}
	if r.ObservedTimestamp() == 0 || r.Timestamp() == 0 {
		t.Errorf("%s: timestamps %v %v", tok, r.Timestamp(), r.ObservedTimestamp())
	}
}

var tokenRE = regexp.MustCompile(`e2e-[a-z]+-[0-9]+`)

// readGateway reads the file exporter's JSON lines, keyed by token; it
// fails the test on a token seen twice.
func readGateway(t *testing.T, name string) (map[string]plog.LogRecord, map[string]string) {
	t.Helper()
	recs, hosts := map[string]plog.LogRecord{}, map[string]string{}
	f, err := os.Open(name)
	if errors.Is(err, os.ErrNotExist) {
		return recs, hosts
	} else if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var u plog.JSONUnmarshaler
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		logs, err := u.UnmarshalLogs(sc.Bytes())
		if err != nil {
			// The exporter may be writing this very line.
			break
		}
		for _, rl := range logs.ResourceLogs().All() {
			host, _ := rl.Resource().Attributes().Get("host.name")
			for _, sl := range rl.ScopeLogs().All() {
				for _, r := range sl.LogRecords().All() {
					tok := tokenRE.FindString(r.Body().AsString())
					if _, dup := recs[tok]; dup {
						t.Fatalf("%q arrived twice", tok)
					}
					recs[tok], hosts[tok] = r, host.AsString()
				}
			}
		}
	}
	return recs, hosts
}

// readmeConfig returns the example configuration of otelcol/README.md: the
// YAML block after the line that marks it.
func readmeConfig(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	const mark = "<!-- the end-to-end test runs this configuration -->"
	_, rest, ok := bytes.Cut(b, []byte(mark))
	if !ok {
		t.Fatalf("README.md has no %q", mark)
	}
	_, rest, ok = bytes.Cut(rest, []byte("```yaml\n"))
	block, _, ok2 := bytes.Cut(rest, []byte("```\n"))
	if !ok || !ok2 {
		t.Fatal("README.md: no yaml block after the marker")
	}
	return block
}

// proc is a running collector.
type proc struct {
	name string
	cmd  *exec.Cmd
	out  *lockedBuffer
	done chan struct{}
	err  error
}

func start(t *testing.T, name, config string, env ...string) *proc {
	t.Helper()
	p := &proc{name: name, out: &lockedBuffer{}, done: make(chan struct{})}
	p.cmd = exec.Command(collector, "--config", config)
	p.cmd.Env = append(os.Environ(), env...)
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.err = p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		select {
		case <-p.done:
		default:
			p.cmd.Process.Kill()
			<-p.done
		}
	})
	return p
}

func (p *proc) log() string { return p.out.String() }

// term sends SIGTERM and returns the exit code.
func (p *proc) term(t *testing.T) int {
	t.Helper()
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(30 * time.Second):
		t.Errorf("%s still running 30 s after SIGTERM", p.name)
		p.cmd.Process.Kill()
		<-p.done
	}
	var ee *exec.ExitError
	if errors.As(p.err, &ee) {
		return ee.ExitCode()
	}
	if p.err != nil {
		t.Fatal(p.err)
	}
	return 0
}

// waitListening waits until addr accepts TCP connections, or p exits.
func waitListening(t *testing.T, p *proc, addr string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-p.done:
			t.Fatalf("%s exited: %v\n%s", p.name, p.err, p.log())
		default:
		}
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s is not listening on %s\n%s", p.name, addr, p.log())
}

// sendGo sends the sender's messages octet-counted over TLS, with the
// client certificate when withCert. It reports an error when the server
// refuses the connection or closes it before all were written.
func sendGo(pk *testcerts.Set, addr, sender string, withCert bool) error {
	conf := &tls.Config{RootCAs: pk.Pool, ServerName: "server.test"}
	if withCert {
		conf.Certificates = []tls.Certificate{pk.Client}
	}
	c, err := tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", addr, conf)
	if err != nil {
		return err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(30 * time.Second))
	w := bufio.NewWriter(c)
	for i := range perSender {
		m := message(sender, i)
		fmt.Fprintf(w, "%d %s", len(m), m)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	// With TLS 1.3 a refused client certificate shows on the first read:
	// the server's alert, or the connection closed. A served client reads
	// nothing until it closes its side.
	if err := c.CloseWrite(); err != nil {
		return err
	}
	_, err = c.Read(make([]byte, 1))
	if err == io.EOF {
		return nil
	}
	return err
}

// refusesPlain speaks plain syslog to the TLS port and reports an error
// unless the server closes the connection (with an alert or without).
func refusesPlain(addr string) error {
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, message("plain", 0)+"\n"); err != nil {
		return err
	}
	// A receiver that took the plaintext would answer nothing and keep the
	// connection open until the deadline.
	if _, err := io.ReadAll(c); err != nil {
		return fmt.Errorf("not closed: %w", err)
	}
	return nil
}

// sendOpenSSL pipes the messages, LF-terminated, through openssl s_client
// with the client certificate, and waits for it to finish. -no_ign_eof
// ends the session at the end of the input; -nocommands stops s_client
// from taking a read that starts with Q, R, k or K as a command and
// dropping it (without it, this very input loses 8 KiB that start with
// the "k" of "Stack").
func sendOpenSSL(t *testing.T, pk *testcerts.Set, addr string) {
	t.Helper()
	openssl, err := exec.LookPath("openssl")
	if err != nil {
		missingPeer(t, "openssl is not installed")
	}
	var in strings.Builder
	for i := range perSender {
		in.WriteString(message("openssl", i) + "\n")
	}
	cmd := exec.Command(openssl, "s_client", "-connect", addr, "-servername", "server.test",
		"-CAfile", pk.CA, "-cert", pk.ClientCert, "-key", pk.ClientKey,
		"-verify_return_error", "-quiet", "-no_ign_eof", "-nocommands")
	cmd.Stdin = strings.NewReader(in.String())
	var log lockedBuffer
	cmd.Stdout, cmd.Stderr = &log, &log
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("openssl s_client: %v\n%s", err, log.String())
		}
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("openssl s_client did not finish\n%s", log.String())
	}
}

// sendRsyslog has rsyslogd read the messages from a file and forward each
// line as it is (the raw message), octet-counted over TLS with the gtls
// driver and its own certificate, as a relay would.
func sendRsyslog(t *testing.T, rsyslogd string, pk *testcerts.Set, dir, addr string) (stop func()) {
	t.Helper()
	input := filepath.Join(dir, "rsyslog-input.log")
	var in strings.Builder
	for i := range perSender {
		in.WriteString(message("rsyslog", i) + "\n")
	}
	if err := os.WriteFile(input, []byte(in.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(dir, "rsyslog-work")
	if err := os.Mkdir(work, 0o755); err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(dir, "rsyslog.conf")
	err := os.WriteFile(conf, []byte(fmt.Sprintf(`
global(workDirectory=%q
       DefaultNetstreamDriverCAFile=%q
       DefaultNetstreamDriverCertFile=%q
       DefaultNetstreamDriverKeyFile=%q)
module(load="imfile")
template(name="raw" type="string" string="%%rawmsg%%")
input(type="imfile" File=%q Tag="e2e" freshStartTail="off")
action(type="omfwd" Target="127.0.0.1" Port=%q Protocol="tcp"
       StreamDriver="gtls" StreamDriverMode="1" StreamDriverAuthMode="x509/name"
       StreamDriverPermittedPeers="server.test"
       TCP_Framing="octet-counted" Template="raw")
`, work, pk.CA, pk.ClientCert, pk.ClientKey, input, port(addr))), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(rsyslogd, "-n", "-f", conf, "-i", filepath.Join(dir, "rsyslogd.pid"))
	var log lockedBuffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
		if t.Failed() {
			t.Logf("rsyslogd:\n%s", log.String())
		}
	}
}

func findRsyslogd(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("rsyslogd")
	if err != nil {
		p = "/usr/sbin/rsyslogd"
		if _, err := os.Stat(p); err != nil {
			missingPeer(t, "rsyslogd is not installed (.ci/run installs rsyslog and rsyslog-gnutls)")
		}
	}
	for _, lib := range []string{"/usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_gtls.so", "/usr/lib/rsyslog/lmnsd_gtls.so"} {
		if _, err := os.Stat(lib); err == nil {
			return p
		}
	}
	missingPeer(t, "rsyslog's gtls driver is not installed (rsyslog-gnutls)")
	return ""
}

// missingPeer skips a test whose real peer program is not installed, or
// fails it when CEFSYSLOG_REQUIRE_PEERS is set, as .ci/run sets it.
func missingPeer(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CEFSYSLOG_REQUIRE_PEERS") != "" {
		t.Fatal(why)
	}
	t.Skip(why)
}

// scrape reads one counter from the collector's Prometheus endpoint: the
// sum of the series named prefix… whose labels contain label.
func scrape(t *testing.T, addr, prefix, label string) float64 {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var sum float64
	found := false
	for line := range strings.Lines(string(b)) {
		if !strings.HasPrefix(line, prefix) || !strings.Contains(line, label) {
			continue
		}
		f := strings.Fields(line)
		v, err := strconv.ParseFloat(f[len(f)-1], 64)
		if err != nil {
			t.Fatalf("metrics line %q: %v", line, err)
		}
		sum += v
		found = true
	}
	if !found {
		t.Fatalf("no %s…%s… in the metrics:\n%s", prefix, label, b)
	}
	return sum
}

func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func port(addr string) string {
	_, p, _ := net.SplitHostPort(addr)
	return p
}

// lockedBuffer collects a process's output while it runs.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
