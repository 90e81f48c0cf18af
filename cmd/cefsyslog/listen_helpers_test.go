package main

// Helpers for the listen tests: the test binary runs the command as a
// child process (real signals, real sockets, real exit statuses), and a
// PKI generated per test run (no key is committed).

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// runMainEnv makes the test binary run the command instead of the tests.
const runMainEnv = "CEFSYSLOG_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// missingPeer skips a test whose real peer program is not installed, or
// fails it when CEFSYSLOG_REQUIRE_PEERS is set, as .ci/run sets it: CI
// must run those tests, not skip them.
func missingPeer(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CEFSYSLOG_REQUIRE_PEERS") != "" {
		t.Fatal(why)
	}
	t.Skip(why)
}

// listenProc is a running "cefsyslog listen".
type listenProc struct {
	t      *testing.T
	cmd    *exec.Cmd
	addrs  map[string]string // "udp", "tcp", "tls", "metrics" → address
	mu     sync.Mutex
	stderr []string
	lines  chan string // stderr lines after start-up
	done   chan struct{}
	status int
}

// startListen starts the command with args and waits until it listens on
// everything it was asked to. stdout, if not nil, receives its standard
// output.
func startListen(t *testing.T, stdout io.Writer, args ...string) *listenProc {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"listen"}, args...)...)
	cmd.Env = append(os.Environ(), runMainEnv+"=1")
	if stdout != nil {
		cmd.Stdout = stdout
	}
	// Not cmd.StderrPipe: Wait closes that pipe once the process exits,
	// and lines still in it (the final counters) would be lost when the
	// reader is slow to run. This pipe ends when the process's end closes.
	errPipe, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = w
	err = cmd.Start()
	w.Close()
	if err != nil {
		errPipe.Close()
		t.Fatal(err)
	}
	p := &listenProc{t: t, cmd: cmd, addrs: map[string]string{}, lines: make(chan string, 1000), done: make(chan struct{})}
	want := 0
	for _, a := range args {
		switch a {
		case "--udp", "--tcp", "--tls", "--metrics":
			want++
		}
	}
	ready := make(chan struct{})
	go func() {
		defer errPipe.Close()
		sc := bufio.NewScanner(errPipe)
		for sc.Scan() {
			line := sc.Text()
			p.mu.Lock()
			p.stderr = append(p.stderr, line)
			n := len(p.addrs)
			p.mu.Unlock()
			if n < want {
				var kind, addr string
				if _, err := fmt.Sscanf(line, "cefsyslog listen: %s on %s", &kind, &addr); err == nil {
					p.mu.Lock()
					p.addrs[kind] = strings.TrimSuffix(strings.TrimPrefix(addr, "http://"), "/debug/vars")
					if len(p.addrs) == want {
						close(ready)
					}
					p.mu.Unlock()
				}
				continue
			}
			select {
			case p.lines <- line:
			default:
			}
		}
	}()
	go func() {
		err := cmd.Wait()
		p.status = cmd.ProcessState.ExitCode()
		if err != nil && p.status < 0 {
			p.status = -1
		}
		close(p.done)
	}()
	select {
	case <-ready:
	case <-p.done:
		t.Fatalf("listen exited with status %d:\n%s", p.status, p.stderrText())
	case <-time.After(10 * time.Second):
		p.cmd.Process.Kill()
		t.Fatalf("listen did not start:\n%s", p.stderrText())
	}
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

func (p *listenProc) addr(kind string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.addrs[kind]
}

func (p *listenProc) stderrText() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return strings.Join(p.stderr, "\n")
}

// dump asks a stuck process for its goroutines (SIGQUIT makes the Go
// runtime print them and exit) and returns its standard error, so that a
// failure shows where it hung.
func (p *listenProc) dump() string {
	p.cmd.Process.Signal(syscall.SIGQUIT)
	select {
	case <-p.done:
	case <-time.After(5 * time.Second):
	}
	return p.stderrText()
}

func (p *listenProc) signal(sig syscall.Signal) {
	p.t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		p.t.Fatal(err)
	}
}

// waitLine waits for a stderr line that contains s and returns it. The
// wait is long because a loaded machine (CI, or fuzzers beside the tests)
// can take seconds to schedule the process; a line that never comes still
// fails the test.
func (p *listenProc) waitLine(s string) string {
	p.t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case line := <-p.lines:
			if strings.Contains(line, s) {
				return line
			}
		case <-timeout:
			p.t.Fatalf("no line with %q in:\n%s", s, p.dump())
		}
	}
}

// counters is what the receiver reports on SIGUSR1 and at exit.
type counters struct {
	Received, Parsed, Errors, Dropped, Written, Bytes int64
	Connections                                       int64
	Open                                              int64            `json:"connections_open"`
	Rejected                                          int64            `json:"connections_rejected"`
	Handshake                                         map[string]int64 `json:"tls_handshake_failures"`
	Deduplicated                                      int64
}

// report asks for the counters with SIGUSR1.
func (p *listenProc) report() counters {
	p.t.Helper()
	p.signal(syscall.SIGUSR1)
	return parseCounters(p.t, p.waitLine("counters "))
}

func parseCounters(t *testing.T, line string) counters {
	t.Helper()
	_, js, _ := strings.Cut(line, "counters ")
	var c counters
	if err := json.Unmarshal([]byte(js), &c); err != nil {
		t.Fatalf("counters %q: %v", js, err)
	}
	return c
}

// stop sends SIGTERM and returns the exit status and the final counters.
func (p *listenProc) stop() (int, counters) {
	p.t.Helper()
	p.signal(syscall.SIGTERM)
	line := p.waitLine("counters ")
	select {
	case <-p.done:
	case <-time.After(20 * time.Second):
		p.t.Fatalf("listen did not exit:\n%s", p.stderrText())
	}
	return p.status, parseCounters(p.t, line)
}

// waitFor polls cond until it holds or time runs out. The waits are long
// for the reason waitLine gives; a condition that holds ends them at once.
func waitFor(t *testing.T, what string, d time.Duration, cond func() bool) {
	t.Helper()
	end := time.Now().Add(d)
	for !cond() {
		if time.Now().After(end) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// outRecord is the part of a listen record the tests look at.
type outRecord struct {
	Format string
	Syslog struct {
		Hostname string
		AppName  string `json:"app_name"`
		Message  string
	}
	Error *struct {
		Offset int
		Reason string
	}
	Received time.Time
	Peer     struct{ Transport, Address, Name string }
}

// readRecords reads the records a receiver wrote to a file.
func readRecords(t *testing.T, name string) []outRecord {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var recs []outRecord
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if line == "" {
			continue
		}
		var r outRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		recs = append(recs, r)
	}
	return recs
}

func countLines(name string) int {
	data, _ := os.ReadFile(name)
	return strings.Count(string(data), "\n")
}

// pki is a CA with the certificates the tests need, as PEM files.
type pki struct {
	dir                              string
	ca                               string // the CA that signs everyone
	serverCert, serverKey            string // "server.test", 127.0.0.1
	clientCert, clientKey            string // "sender.example.com"
	otherCert, otherKey              string // "sender.example.com", signed by another CA
	intruderCert, intruderKey        string // "intruder.test", signed by the CA
	caCert                           *x509.Certificate
	caPriv                           *ecdsa.PrivateKey
	serial                           int64
	serverPool                       *x509.CertPool
	clientPair, otherPair, intruPair tls.Certificate
}

func newPKI(t *testing.T) *pki {
	t.Helper()
	p := &pki{dir: t.TempDir()}
	p.caCert, p.caPriv = p.makeCA(t, "cefsyslog test CA", "ca")
	p.ca = filepath.Join(p.dir, "ca.pem")
	p.serverCert, p.serverKey = p.issue(t, "server", "server.test", p.caCert, p.caPriv, true)
	p.clientCert, p.clientKey = p.issue(t, "client", "sender.example.com", p.caCert, p.caPriv, false)
	p.intruderCert, p.intruderKey = p.issue(t, "intruder", "intruder.test", p.caCert, p.caPriv, false)
	otherCA, otherKey := p.makeCA(t, "another CA", "other-ca")
	p.otherCert, p.otherKey = p.issue(t, "other", "sender.example.com", otherCA, otherKey, false)
	p.serverPool = x509.NewCertPool()
	p.serverPool.AddCert(p.caCert)
	for _, c := range []struct {
		pair       *tls.Certificate
		cert, priv string
	}{{&p.clientPair, p.clientCert, p.clientKey}, {&p.otherPair, p.otherCert, p.otherKey}, {&p.intruPair, p.intruderCert, p.intruderKey}} {
		var err error
		if *c.pair, err = tls.LoadX509KeyPair(c.cert, c.priv); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func (p *pki) next() *big.Int {
	p.serial++
	return big.NewInt(p.serial)
}

func (p *pki) makeCA(t *testing.T, cn, file string) (*x509.Certificate, *ecdsa.PrivateKey) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          p.next(),
		Subject:               pkix.Name{CommonName: cn},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	writePEM(t, filepath.Join(p.dir, file+".pem"), "CERTIFICATE", der)
	return cert, key
}

// issue makes a leaf certificate for name and writes name.pem and
// name-key.pem.
func (p *pki) issue(t *testing.T, file, name string, ca *x509.Certificate, caKey *ecdsa.PrivateKey, server bool) (certFile, keyFile string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: p.next(),
		Subject:      pkix.Name{CommonName: name},
		DNSNames:     []string{name},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
	if server {
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
		tmpl.IPAddresses = []net.IP{net.IPv4(127, 0, 0, 1)}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile = filepath.Join(p.dir, file+".pem")
	keyFile = filepath.Join(p.dir, file+"-key.pem")
	writePEM(t, certFile, "CERTIFICATE", der)
	writePEM(t, keyFile, "PRIVATE KEY", kder)
	return certFile, keyFile
}

func writePEM(t *testing.T, name, typ string, der []byte) {
	t.Helper()
	if err := os.WriteFile(name, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
}

// tlsArgs are the listen flags for a mutually authenticated TLS port.
func (p *pki) tlsArgs() []string {
	return []string{"--tls", "127.0.0.1:0", "--cert", p.serverCert, "--key", p.serverKey, "--client-ca", p.ca}
}

// dialTLS connects as a client with cert (nil for none) and the given
// version range.
func (p *pki) dialTLS(addr string, cert *tls.Certificate, minV, maxV uint16) (*tls.Conn, error) {
	conf := &tls.Config{RootCAs: p.serverPool, ServerName: "server.test", MinVersion: minV, MaxVersion: maxV}
	if cert != nil {
		// Send the certificate even when the server's list of CAs does
		// not name its issuer, as a misconfigured sender would.
		conf.GetClientCertificate = func(*tls.CertificateRequestInfo) (*tls.Certificate, error) { return cert, nil }
	}
	d := &net.Dialer{Timeout: 5 * time.Second}
	c, err := tls.DialWithDialer(d, "tcp", addr, conf)
	if err != nil {
		return nil, err
	}
	return c, nil
}

// octet frames a message with RFC 6587 octet counting.
func octet(msg string) string { return fmt.Sprintf("%d %s", len(msg), msg) }
