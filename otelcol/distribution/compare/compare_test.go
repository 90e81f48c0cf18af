// Package compare measures the cefsyslog receiver beside the contrib
// syslog receiver on the same load, in one run. It lives in the
// distribution's module so that the receiver's own module never requires
// contrib.
package compare

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cefsyslog/cefsyslog/otelcol/cefsyslogreceiver"
	"github.com/cefsyslog/cefsyslog/otelcol/distribution/internal/testcerts"
	"github.com/open-telemetry/opentelemetry-collector-contrib/receiver/syslogreceiver"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/receiver"
	"go.opentelemetry.io/collector/receiver/receivertest"
	"go.yaml.in/yaml/v3"
)

// Loads: RFC 5424, which both receivers read, and the mixed formats only
// cefsyslog reads in one receiver (the contrib receiver takes one protocol
// per instance and leaves CEF unparsed). Constructed messages in the
// shapes of the library's sample files.
var loads = map[string][]string{
	"rfc5424": {
		`<165>1 2026-12-05T05:00:00.123Z web01.example.com nginx 4242 ACCESS [meta sequenceId="1"][origin ip="10.1.2.3"] GET /index.html 200 5123`,
		`<86>1 2026-12-05T05:00:00.124+01:00 AZS-ERCS01 - - - - CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-AzureStack-PrivilegedEndpoint: 1000|PrivilegedEndpointAccessedEvent|5|Who=CONTOSO\\cloudadmin WhichIP=10.0.0.5`,
		`<34>1 2026-12-05T05:00:00.125Z mail01 sshd 42 - [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"] Failed password for root from 192.0.2.7 port 22 ssh2`,
		`<14>1 2026-12-05T05:00:00.126Z fw01 kernel - FW [fw@32473 action="drop" src="198.51.100.4" dst="10.0.0.8" dpt="445"] blocked`,
	},
	"mixed": {
		`<165>1 2026-12-05T05:00:00.123Z web01.example.com nginx 4242 ACCESS [meta sequenceId="1"][origin ip="10.1.2.3"] GET /index.html 200 5123`,
		`<34>Dec  5 05:00:00 mail01 sshd[42]: Failed password for root from 192.0.2.7 port 22 ssh2`,
		`<134>Dec  5 05:00:00 fw01 CEF:0|Palo Alto Networks|PAN-OS|10.1|THREAT|Blocked|8|src=10.0.0.1 dst=10.0.0.2 dpt=443 act=deny`,
		`<86>Mar 14 10:15:02 AZS-ERCS01 CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-Windows-GroupPolicy:1501|Group Policy|2|MasChannel=System MasComputer=azs-ercs01 MasEventRecordID=1371 MasLevel=2`,
	},
}

// receivers builds each receiver from the configuration a user would
// write, with TLS on an endpoint chosen by the benchmark.
var receivers = []struct {
	name    string
	factory receiver.Factory
	config  string
	loads   []string
}{
	{"cefsyslog", cefsyslogreceiver.NewFactory(), `
endpoint: %[1]s
tls: {cert_file: %[2]s/server.pem, key_file: %[2]s/server-key.pem}
framing: octet_counting
max_batch_size: 1000
azure_stack_hub: true
`, []string{"rfc5424", "mixed"}},
	{"contrib-syslog", syslogreceiver.NewFactory(), `
tcp:
  listen_address: %[1]s
  tls: {cert_file: %[2]s/server.pem, key_file: %[2]s/server-key.pem}
protocol: rfc5424
enable_octet_counting: true
`, []string{"rfc5424"}},
}

// BenchmarkReceiverTLS sends each load, octet-counted, over two TLS
// connections on loopback to each receiver, which hands the records to a
// consumer that only counts; it reports records/s from the first byte
// sent to the last record counted.
func BenchmarkReceiverTLS(b *testing.B) {
	dir := b.TempDir()
	certs, err := testcerts.Write(dir)
	if err != nil {
		b.Fatal(err)
	}
	for _, rc := range receivers {
		for _, load := range rc.loads {
			b.Run(fmt.Sprintf("receiver=%s/load=%s", rc.name, load), func(b *testing.B) {
				run(b, rc.factory, fmt.Sprintf(rc.config, freePort(b), dir), loads[load], certs.Pool)
			})
		}
	}
}

func run(b *testing.B, f receiver.Factory, config string, msgs []string, pool *x509.CertPool) {
	var raw map[string]any
	if err := yaml.Unmarshal([]byte(config), &raw); err != nil {
		b.Fatal(err)
	}
	cfg := f.CreateDefaultConfig()
	if err := confmap.NewFromStringMap(raw).Unmarshal(cfg); err != nil {
		b.Fatal(err)
	}
	var counted atomic.Int64
	next, _ := consumer.NewLogs(func(_ context.Context, l plog.Logs) error {
		counted.Add(int64(l.LogRecordCount()))
		return nil
	})
	r, err := f.CreateLogs(context.Background(), receivertest.NewNopSettings(f.Type()), cfg, next)
	if err != nil {
		b.Fatal(err)
	}
	if err := r.Start(context.Background(), componenttest.NewNopHost()); err != nil {
		b.Fatal(err)
	}
	defer r.Shutdown(context.Background())
	addr := raw["endpoint"]
	if addr == nil {
		addr = raw["tcp"].(map[string]any)["listen_address"]
	}
	waitListening(b, addr.(string))

	var frames strings.Builder
	size := 0
	for _, m := range msgs {
		fmt.Fprintf(&frames, "%d %s", len(m), m)
		size += len(m)
	}
	chunk := []byte(frames.String())
	const conns = 2
	rounds := (b.N/conns + len(msgs) - 1) / len(msgs)
	want := int64(conns * rounds * len(msgs))
	b.SetBytes(int64(size / len(msgs)))
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	for range conns {
		wg.Go(func() {
			c, err := tls.Dial("tcp", addr.(string), &tls.Config{RootCAs: pool, ServerName: "localhost"})
			if err != nil {
				b.Error(err)
				return
			}
			defer c.Close()
			for range rounds {
				if _, err := c.Write(chunk); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	last, lastChange := int64(-1), time.Now()
	for n := counted.Load(); n < want; n = counted.Load() {
		if n != last {
			last, lastChange = n, time.Now()
		} else if time.Since(lastChange) > 10*time.Second {
			b.Fatalf("%d of %d records after 10 s without progress", n, want)
		}
		time.Sleep(time.Millisecond)
	}
	b.ReportMetric(float64(counted.Load())/time.Since(start).Seconds(), "records/s")
}

func waitListening(b *testing.B, addr string) {
	for range 500 {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	b.Fatalf("nothing listens on %s", addr)
}

func freePort(b *testing.B) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}
