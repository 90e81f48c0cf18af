package cefsyslogreceiver

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/config/configoptional"
	"go.opentelemetry.io/collector/config/configtls"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/confmaptest"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/receiver/receivertest"
)

func TestConfig(t *testing.T) {
	cm, err := confmaptest.LoadConf(filepath.Join("testdata", "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id    string
		check func(*Config) bool
		valid bool
	}{
		{"cefsyslog", func(c *Config) bool { return c.Endpoint == "0.0.0.0:6514" && c.Framing == "auto" && !c.TLS.HasValue() }, true},
		{"cefsyslog/tls", func(c *Config) bool {
			return c.TLS.HasValue() && c.TLS.Get().ClientCAFile == "/etc/otelcol/clients-ca.pem" && c.Framing == "octet_counting" &&
				c.MaxBatchSize == 500 && c.MaxBatchDelay == time.Second && c.AzureStackHub && c.Attributes == "syslogreceiver" && c.OnError == "drop"
		}, true},
		{"cefsyslog/bad", func(c *Config) bool { return true }, false},
	} {
		t.Run(tc.id, func(t *testing.T) {
			sub, err := cm.Sub(tc.id)
			if err != nil {
				t.Fatal(err)
			}
			cfg := NewFactory().CreateDefaultConfig().(*Config)
			if err := sub.Unmarshal(cfg); err != nil {
				t.Fatal(err)
			}
			if !tc.check(cfg) {
				t.Errorf("config %+v", cfg)
			}
			if err := confmap.Validate(cfg); (err == nil) != tc.valid {
				t.Errorf("Validate: %v, want valid=%v", err, tc.valid)
			}
		})
	}
}

// start runs a receiver on a loopback port with cfg adjusted by adjust.
func start(t testing.TB, next consumer.Logs, adjust func(*Config)) *cefReceiver {
	t.Helper()
	cfg := createDefaultConfig()
	cfg.Endpoint = "127.0.0.1:0"
	cfg.MaxBatchDelay = 20 * time.Millisecond
	if adjust != nil {
		adjust(cfg)
	}
	if err := confmap.Validate(cfg); err != nil {
		t.Fatal(err)
	}
	set := receivertest.NewNopSettings(typeStr)
	rcv, err := NewFactory().CreateLogs(context.Background(), set, cfg, next)
	if err != nil {
		t.Fatal(err)
	}
	if err := rcv.Start(context.Background(), componenttest.NewNopHost()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rcv.Shutdown(context.Background()) })
	return rcv.(*cefReceiver)
}

func octet(msg string) string { return fmt.Sprintf("%d %s", len(msg), msg) }

// records flattens what the sink received.
func records(sink *consumertest.LogsSink) []plog.LogRecord {
	var out []plog.LogRecord
	for _, l := range sink.AllLogs() {
		for i := range l.ResourceLogs().Len() {
			rl := l.ResourceLogs().At(i)
			for j := range rl.ScopeLogs().Len() {
				lrs := rl.ScopeLogs().At(j).LogRecords()
				for k := range lrs.Len() {
					out = append(out, lrs.At(k))
				}
			}
		}
	}
	return out
}

func waitRecords(t *testing.T, sink *consumertest.LogsSink, n int) []plog.LogRecord {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if sink.LogRecordCount() >= n {
			return records(sink)
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%d records arrived, want %d", sink.LogRecordCount(), n)
	return nil
}

var mixed = []string{
	`<165>1 2026-11-24T10:00:00.123Z web1 nginx 42 ID7 [meta sequenceId="1"] GET /index.html`,
	`<34>Oct 11 22:14:15 mymachine su[123]: 'su root' failed for lonvick on /dev/pts/8`,
	`CEF:0|Acme|EdgeFW|9.1|100|allow|3|src=10.0.0.1 dpt=443`,
	`<86>Mar 14 10:15:02 AZS-ERCS01 CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-Windows-GroupPolicy:1501|Group Policy|2|MasChannel=System MasComputer=azs-ercs01 MasEventRecordID=1371 MasLevel=2`,
}

func TestReceiveTCP(t *testing.T) {
	sink := new(consumertest.LogsSink)
	r := start(t, sink, func(c *Config) { c.AzureStackHub = true })
	c, err := net.Dial("tcp", r.ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	var stream string
	for _, m := range mixed {
		stream += octet(m)
	}
	c.Write([]byte(stream))
	c.Close()
	recs := waitRecords(t, sink, len(mixed))
	if len(recs) != len(mixed) {
		t.Fatalf("%d records", len(recs))
	}
	get := func(lr plog.LogRecord, k string) string {
		v, _ := lr.Attributes().Get(k)
		return v.AsString()
	}
	// RFC 5424: header time, syslog attributes, severity from PRI.
	r0 := recs[0]
	if r0.Timestamp().AsTime() != time.Date(2026, 11, 24, 10, 0, 0, 123e6, time.UTC) || r0.Body().Str() != "GET /index.html" ||
		get(r0, "syslog.appname") != "nginx" || get(r0, "syslog.msgid") != "ID7" || r0.SeverityText() != "notice" ||
		r0.SeverityNumber() != plog.SeverityNumberInfo2 || get(r0, "syslog.structured_data") != `{"meta":{"sequenceId":"1"}}` {
		t.Errorf("rfc5424 record: %v %v %q %v", r0.Timestamp(), r0.SeverityText(), r0.Body().Str(), r0.Attributes().AsRaw())
	}
	if get(recs[1], "syslog.procid") != "123" || recs[1].SeverityText() != "crit" {
		t.Errorf("rfc3164 record: %v", recs[1].Attributes().AsRaw())
	}
	// Bare CEF: body is the event, CEF attributes as ParseCEF names them.
	if recs[2].Body().Str() != mixed[2] || get(recs[2], "cef.deviceVendor") != "Acme" || get(recs[2], "cef.extensions") != `{"dpt":"443","src":"10.0.0.1"}` {
		t.Errorf("cef record: %q %v", recs[2].Body().Str(), recs[2].Attributes().AsRaw())
	}
	// Azure Stack Hub: the level from MasLevel, the classification under azurestack.
	az := recs[3]
	if az.SeverityText() != "error" || az.SeverityNumber() != plog.SeverityNumberError || !strings.Contains(get(az, "azurestack"), `"kind":"windows"`) {
		t.Errorf("azure stack record: %v %v", az.SeverityText(), az.Attributes().AsRaw())
	}
	// Resources carry host.name and service.name.
	rl := sink.AllLogs()[0].ResourceLogs().At(0)
	if v, _ := rl.Resource().Attributes().Get("host.name"); v.Str() != "web1" {
		t.Errorf("resource %v", rl.Resource().Attributes().AsRaw())
	}
}

func TestOnError(t *testing.T) {
	for _, mode := range []string{"send", "drop"} {
		t.Run(mode, func(t *testing.T) {
			sink := new(consumertest.LogsSink)
			r := start(t, sink, func(c *Config) { c.OnError = mode; c.Framing = "lf"; c.Attributes = "syslogreceiver" })
			c, _ := net.Dial("tcp", r.ln.Addr().String())
			c.Write([]byte("<165>1 2026-13-24T10:00:00Z bad - - - - month 13\n" + mixed[1] + "\n"))
			c.Close()
			want := map[string]int{"send": 2, "drop": 1}[mode]
			recs := waitRecords(t, sink, want)
			time.Sleep(50 * time.Millisecond)
			if sink.LogRecordCount() != want {
				t.Fatalf("%d records, want %d", sink.LogRecordCount(), want)
			}
			if mode == "send" {
				v, ok := recs[0].Attributes().Get("cefsyslog.error")
				if !ok || v.Str() == "" || recs[0].Body().Str() != "<165>1 2026-13-24T10:00:00Z bad - - - - month 13" {
					t.Errorf("error record: %q %v", recs[0].Body().Str(), recs[0].Attributes().AsRaw())
				}
			}
			if v, _ := recs[len(recs)-1].Attributes().Get("appname"); v.Str() != "su" {
				t.Errorf("syslogreceiver names: %v", recs[len(recs)-1].Attributes().AsRaw())
			}
		})
	}
}

// retrying refuses the first n batches with a retryable error.
type retrying struct {
	consumertest.LogsSink
	left atomic.Int32
}

func (r *retrying) ConsumeLogs(ctx context.Context, l plog.Logs) error {
	if r.left.Add(-1) >= 0 {
		return errors.New("memory limiter: try later")
	}
	return r.LogsSink.ConsumeLogs(ctx, l)
}

// TestBackPressure: a consumer that refuses for a while gets every record
// once, in order, and nothing is lost.
func TestBackPressure(t *testing.T) {
	next := &retrying{}
	next.left.Store(3)
	r := start(t, next, func(c *Config) { c.MaxBatchSize = 10 })
	c, _ := net.Dial("tcp", r.ln.Addr().String())
	var stream strings.Builder
	for i := range 100 {
		stream.WriteString(octet(fmt.Sprintf("<14>1 2026-11-24T10:00:00Z h app - - - message %d", i)))
	}
	c.Write([]byte(stream.String()))
	c.Close()
	recs := waitRecords(t, &next.LogsSink, 100)
	if len(recs) != 100 {
		t.Fatalf("%d records", len(recs))
	}
	for i, lr := range recs {
		if lr.Body().Str() != fmt.Sprintf("message %d", i) {
			t.Fatalf("record %d: %q", i, lr.Body().Str())
		}
	}
}

// TestShutdownWithOpenConnection: Shutdown ends connections that are open
// and idle, and hands on what they had read.
func TestShutdownWithOpenConnection(t *testing.T) {
	sink := new(consumertest.LogsSink)
	r := start(t, sink, func(c *Config) { c.MaxBatchDelay = time.Hour })
	c, _ := net.Dial("tcp", r.ln.Addr().String())
	defer c.Close()
	c.Write([]byte(octet(mixed[0])))
	time.Sleep(100 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	begin := time.Now()
	if err := r.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if time.Since(begin) > 2*time.Second || sink.LogRecordCount() != 1 {
		t.Errorf("shutdown took %v, %d records", time.Since(begin), sink.LogRecordCount())
	}
}

// TestBatchDelay: a quiet connection's records are handed on after
// max_batch_delay.
func TestBatchDelay(t *testing.T) {
	sink := new(consumertest.LogsSink)
	r := start(t, sink, nil)
	c, _ := net.Dial("tcp", r.ln.Addr().String())
	defer c.Close()
	c.Write([]byte(octet(mixed[0])))
	waitRecords(t, sink, 1)
}

// TestMutualTLS: with a client CA, a client with a certificate from it is
// served; one without a certificate and a plaintext client are refused.
func TestMutualTLS(t *testing.T) {
	dir := t.TempDir()
	caCert, caKey := makeCert(t, dir, "ca", "Test CA", nil, nil)
	makeCert(t, dir, "server", "localhost", caCert, caKey)
	makeCert(t, dir, "client", "sender.example.com", caCert, caKey)
	sink := new(consumertest.LogsSink)
	r := start(t, sink, func(c *Config) {
		tlsCfg := configtls.NewDefaultServerConfig()
		tlsCfg.CertFile = filepath.Join(dir, "server.pem")
		tlsCfg.KeyFile = filepath.Join(dir, "server-key.pem")
		tlsCfg.ClientCAFile = filepath.Join(dir, "ca.pem")
		c.TLS = configoptional.Some(tlsCfg)
	})
	pool := x509.NewCertPool()
	pool.AddCert(caCert)
	addr := r.ln.Addr().String()

	client, err := tls.LoadX509KeyPair(filepath.Join(dir, "client.pem"), filepath.Join(dir, "client-key.pem"))
	if err != nil {
		t.Fatal(err)
	}
	ok, err := tls.Dial("tcp", addr, &tls.Config{RootCAs: pool, ServerName: "localhost", Certificates: []tls.Certificate{client}})
	if err != nil {
		t.Fatal(err)
	}
	ok.Write([]byte(octet(mixed[2])))
	ok.Close()
	waitRecords(t, sink, 1)

	if noCert, err := tls.Dial("tcp", addr, &tls.Config{RootCAs: pool, ServerName: "localhost"}); err == nil {
		noCert.Write([]byte(octet(mixed[0])))
		buf := make([]byte, 1)
		noCert.SetReadDeadline(time.Now().Add(2 * time.Second))
		if _, err := noCert.Read(buf); err == nil {
			t.Error("a client without a certificate was served")
		}
		noCert.Close()
	}
	plain, _ := net.Dial("tcp", addr)
	plain.Write([]byte(octet(mixed[1])))
	plain.Close()
	time.Sleep(200 * time.Millisecond)
	if n := sink.LogRecordCount(); n != 1 {
		t.Errorf("%d records: refused clients got through", n)
	}
}

func makeCert(t testing.TB, dir, name, cn string, ca *x509.Certificate, caKey *ecdsa.PrivateKey) (*x509.Certificate, *ecdsa.PrivateKey) {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: cn}, DNSNames: []string{cn},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
	}
	parent, signer := tmpl, key
	if ca == nil {
		tmpl.IsCA, tmpl.BasicConstraintsValid = true, true
		tmpl.KeyUsage |= x509.KeyUsageCertSign
	} else {
		parent, signer = ca, caKey
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, &key.PublicKey, signer)
	if err != nil {
		t.Fatal(err)
	}
	kder, _ := x509.MarshalPKCS8PrivateKey(key)
	os.WriteFile(filepath.Join(dir, name+".pem"), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(filepath.Join(dir, name+"-key.pem"), pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kder}), 0o600)
	cert, _ := x509.ParseCertificate(der)
	return cert, key
}

var _ component.Component = (*cefReceiver)(nil)
var _ = pcommon.NewMap
