// Listenbench measures the throughput of "cefsyslog listen" over TCP and
// TLS on loopback, and that of rsyslog's own imtcp (ossl driver) on the
// same machine, in the same run, with the same frames.
//
//	cd bench && go run ./listenbench -n 200000
//
// Each receiver writes what it receives to a file; the clock runs from the
// first byte sent until the file holds every message. The senders are Go
// goroutines in this process, one per connection.
package main

import (
	"bufio"
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

var (
	n        = flag.Int("n", 200000, "messages per run")
	conns    = flag.Int("conns", 4, "connections per run")
	rsyslogd = flag.String("rsyslogd", "/usr/sbin/rsyslogd", "rsyslogd to compare with; empty: skip")
	keep     = flag.Bool("keep", false, "keep the work directory")
)

func main() {
	flag.Parse()
	dir, err := os.MkdirTemp("", "listenbench")
	check(err)
	if !*keep {
		defer os.RemoveAll(dir)
	}
	bin := filepath.Join(dir, "cefsyslog")
	build := exec.Command("go", "build", "-o", bin, "./cmd/cefsyslog")
	build.Dir = ".." // the library's module, beside this one
	build.Stderr = os.Stderr
	check(build.Run())
	cert, key, pool := makeCerts(dir)
	frames, bytesPerRun := loadFrames()

	fmt.Printf("%d messages (%.1f MB of frames) over %d connections per run; %s, %d CPUs\n\n",
		*n, float64(bytesPerRun)/1e6, *conns, cpuModel(), runtime.NumCPU())
	fmt.Println("| receiver | transport | messages/s | MB/s |")
	fmt.Println("|---|---|---:|---:|")
	for _, transport := range []string{"tcp", "tls"} {
		out := filepath.Join(dir, "cefsyslog-"+transport+".out")
		port := freePort()
		args := []string{"listen", "--out", out, "--max-conns", "64"}
		if transport == "tcp" {
			args = append(args, "--tcp", "127.0.0.1:"+port)
		} else {
			args = append(args, "--tls", "127.0.0.1:"+port, "--cert", cert, "--key", key)
		}
		srv := exec.Command(bin, args...)
		srv.Stderr = os.Stderr
		check(srv.Start())
		waitPort(port)
		d := send(transport, port, pool, frames, out)
		srv.Process.Signal(syscall.SIGTERM)
		srv.Wait()
		report("cefsyslog listen", transport, d, bytesPerRun)
	}
	if *rsyslogd == "" {
		return
	}
	if _, err := os.Stat(*rsyslogd); err != nil {
		fmt.Printf("\nrsyslogd not found (%v): no comparison\n", err)
		return
	}
	for _, transport := range []string{"tcp", "tls"} {
		out := filepath.Join(dir, "rsyslog-"+transport+".out")
		port := freePort()
		work := filepath.Join(dir, "rsyslog-"+transport)
		check(os.MkdirAll(work, 0o755))
		mod := `module(load="imtcp" MaxSessions="64")`
		if transport == "tls" {
			mod = `module(load="imtcp" MaxSessions="64" StreamDriver.Name="ossl" StreamDriver.Mode="1" StreamDriver.AuthMode="anon")`
		}
		conf := filepath.Join(work, "rsyslog.conf")
		check(os.WriteFile(conf, []byte(fmt.Sprintf(`
global(workDirectory=%q maxMessageSize="64k"
       DefaultNetstreamDriverCAFile=%q DefaultNetstreamDriverCertFile=%q DefaultNetstreamDriverKeyFile=%q)
main_queue(queue.size="100000")
%s
input(type="imtcp" port=%q)
action(type="omfile" file=%q template="RSYSLOG_FileFormat")
`, work, cert, cert, key, mod, port, out)), 0o644))
		srv := exec.Command(*rsyslogd, "-n", "-f", conf, "-i", filepath.Join(work, "pid"))
		srv.Stderr = os.Stderr
		check(srv.Start())
		waitPort(port)
		d := send(transport, port, pool, frames, out)
		srv.Process.Signal(syscall.SIGTERM)
		srv.Wait()
		report("rsyslogd imtcp", transport, d, bytesPerRun)
	}
}

func report(who, transport string, d time.Duration, size int64) {
	fmt.Printf("| %s | %s | %.0f | %.1f |\n", who, transport, float64(*n)/d.Seconds(), float64(size)/1e6/d.Seconds())
}

// loadFrames frames the benchmark messages (RFC 5424, RFC 3164 and CEF
// lines of testdata) with octet counting, n in all, and returns them split
// over the connections.
func loadFrames() ([][]byte, int64) {
	names, _ := filepath.Glob(filepath.Join("..", "testdata", "benchdata", "*.txt"))
	if len(names) == 0 {
		check(fmt.Errorf("no benchmark inputs in ../testdata/benchdata"))
	}
	var msgs [][]byte
	for _, name := range names {
		data, err := os.ReadFile(name)
		check(err)
		msgs = append(msgs, bytes.TrimRight(data, "\n"))
	}
	out := make([][]byte, *conns)
	var total int64
	for i := range *n {
		m := msgs[i%len(msgs)]
		c := i % *conns
		out[c] = strconv.AppendInt(out[c], int64(len(m)), 10)
		out[c] = append(out[c], ' ')
		out[c] = append(out[c], m...)
		total += int64(len(m))
	}
	return out, total
}

// send writes every connection's frames at once and returns the time until
// the receiver's output holds n lines.
func send(transport, port string, pool *x509.CertPool, frames [][]byte, out string) time.Duration {
	start := time.Now()
	var wg sync.WaitGroup
	for _, f := range frames {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var c net.Conn
			var err error
			if transport == "tls" {
				c, err = tls.Dial("tcp", "127.0.0.1:"+port, &tls.Config{RootCAs: pool, ServerName: "localhost"})
			} else {
				c, err = net.Dial("tcp", "127.0.0.1:"+port)
			}
			check(err)
			_, err = c.Write(f)
			check(err)
			// Half-close and read to the end before closing: closing a
			// socket with unread bytes (a TLS 1.3 session ticket) sends a
			// reset, and a reset makes the receiver drop what it has not
			// read yet.
			if tc, ok := c.(*tls.Conn); ok {
				check(tc.CloseWrite())
			} else {
				check(c.(*net.TCPConn).CloseWrite())
			}
			io.Copy(io.Discard, c)
			c.Close()
		}()
	}
	wg.Wait()
	// Count lines as the file grows.
	lines, off := 0, int64(0)
	buf := make([]byte, 1<<20)
	deadline := time.Now().Add(5 * time.Minute)
	for lines < *n {
		f, err := os.Open(out)
		if err == nil {
			f.Seek(off, 0)
			r := bufio.NewReaderSize(f, 1<<20)
			for {
				k, err := r.Read(buf)
				lines += bytes.Count(buf[:k], []byte{'\n'})
				off += int64(k)
				if err != nil {
					break
				}
			}
			f.Close()
		}
		if lines >= *n {
			break
		}
		if time.Now().After(deadline) {
			check(fmt.Errorf("%s: only %d of %d messages arrived", out, lines, *n))
		}
		time.Sleep(5 * time.Millisecond)
	}
	return time.Since(start)
}

func makeCerts(dir string) (certFile, keyFile string, pool *x509.CertPool) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	check(err)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "localhost"}, DNSNames: []string{"localhost"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true,
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	check(err)
	kder, err := x509.MarshalPKCS8PrivateKey(key)
	check(err)
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	check(os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600))
	check(os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kder}), 0o600))
	cert, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

func freePort() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return port
}

func waitPort(port string) {
	for range 500 {
		if c, err := net.Dial("tcp", "127.0.0.1:"+port); err == nil {
			c.Close()
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	check(fmt.Errorf("nothing listens on port %s", port))
}

func cpuModel() string {
	data, _ := os.ReadFile("/proc/cpuinfo")
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "model name"); ok {
			return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
		}
	}
	return runtime.GOARCH
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "listenbench:", err)
		os.Exit(1)
	}
}
