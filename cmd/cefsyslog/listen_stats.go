package main

import (
	"context"
	"errors"
	"expvar"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"
)

// errDeadline is context.DeadlineExceeded, which a handshake that ran out
// of time returns.
var errDeadline = context.DeadlineExceeded

// stats are the receiver's counters. They live in an expvar.Map of their
// own, not in expvar's global registry, so that a process may run more
// than one receiver (the tests do); --metrics serves them.
type stats struct {
	vars        *expvar.Map
	received    *expvar.Int // messages read from the network
	parsed      *expvar.Int // records queued without an error
	errors      *expvar.Int // records queued with an error
	dropped     *expvar.Int // UDP messages dropped: the queue was full
	dedup       *expvar.Int // replays dropped with --dedupe
	written     *expvar.Int // records written to the output
	bytes       *expvar.Int // message bytes read
	connections *expvar.Int // TCP and TLS connections accepted
	open        *expvar.Int // connections open now
	rejected    *expvar.Int // connections closed at once: --max-conns reached
	handshake   *expvar.Map // TLS handshake failures, by reason
}

func newStats() *stats {
	s := &stats{vars: new(expvar.Map).Init(), handshake: new(expvar.Map).Init()}
	for name, v := range map[string]**expvar.Int{
		"received": &s.received, "parsed": &s.parsed, "errors": &s.errors,
		"dropped": &s.dropped, "written": &s.written, "bytes": &s.bytes,
		"connections": &s.connections, "connections_open": &s.open,
		"connections_rejected": &s.rejected, "deduplicated": &s.dedup,
	} {
		*v = new(expvar.Int)
		s.vars.Set(name, *v)
	}
	s.vars.Set("tls_handshake_failures", s.handshake)
	return s
}

// metricsServer serves the counters over HTTP in expvar's format.
type metricsServer struct {
	srv  *http.Server
	addr net.Addr
}

func serveMetrics(addr string, st *stats, logf func(string, ...any)) (*metricsServer, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/vars", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		// expvar's own variables, and ours under "cefsyslog".
		var b strings.Builder
		b.WriteString("{\n")
		expvar.Do(func(kv expvar.KeyValue) {
			fmt.Fprintf(&b, "%q: %s,\n", kv.Key, kv.Value)
		})
		fmt.Fprintf(&b, "%q: %s\n}\n", "cefsyslog", st.vars)
		w.Write([]byte(b.String()))
	})
	m := &metricsServer{srv: &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}, addr: ln.Addr()}
	go func() {
		if err := m.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logf("metrics: %v", err)
		}
	}()
	return m, nil
}

func (m *metricsServer) close() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	m.srv.Shutdown(ctx)
}
