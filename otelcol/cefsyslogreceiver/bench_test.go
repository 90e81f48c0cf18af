package cefsyslogreceiver

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.opentelemetry.io/collector/config/configoptional"
	"go.opentelemetry.io/collector/config/configtls"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/plog"
)

// BenchmarkReceiverTLS sends the mixed messages, octet-counted, over two
// TLS connections on loopback to the receiver, which hands them to a
// consumer that only counts; it reports records/s from the first byte
// sent to the last record counted.
func BenchmarkReceiverTLS(b *testing.B) {
	dir := b.TempDir()
	caCert, caKey := makeCert(b, dir, "ca", "Test CA", nil, nil)
	makeCert(b, dir, "server", "localhost", caCert, caKey)
	var counted atomic.Int64
	next, _ := consumer.NewLogs(func(_ context.Context, l plog.Logs) error {
		counted.Add(int64(l.LogRecordCount()))
		return nil
	})
	r := start(b, next, func(c *Config) {
		tlsCfg := configtls.NewDefaultServerConfig()
		tlsCfg.CertFile = filepath.Join(dir, "server.pem")
		tlsCfg.KeyFile = filepath.Join(dir, "server-key.pem")
		c.TLS = configoptional.Some(tlsCfg)
		c.MaxBatchSize = 1000
		c.AzureStackHub = true
	})
	pool := x509.NewCertPool()
	pool.AddCert(caCert)
	var frames strings.Builder
	var bytes int
	for _, m := range mixed {
		frames.WriteString(octet(m))
		bytes += len(m)
	}
	const conns = 2
	b.SetBytes(int64(bytes / len(mixed)))
	b.ResetTimer()
	start := time.Now()
	perConn := b.N/conns + 1
	var wg sync.WaitGroup
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := tls.Dial("tcp", r.ln.Addr().String(), &tls.Config{RootCAs: pool, ServerName: "localhost"})
			if err != nil {
				b.Error(err)
				return
			}
			defer c.Close()
			chunk := []byte(frames.String())
			for sent := 0; sent < perConn; sent += len(mixed) {
				c.Write(chunk)
			}
		}()
	}
	wg.Wait()
	want := int64(conns * ((perConn + len(mixed) - 1) / len(mixed)) * len(mixed))
	for counted.Load() < want {
		time.Sleep(time.Millisecond)
	}
	b.ReportMetric(float64(counted.Load())/time.Since(start).Seconds(), "records/s")
}
