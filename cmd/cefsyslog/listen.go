package main

// The receiver: one goroutine per listener accepts, one per connection
// reads frames, parses them and queues the encoded records, and one
// writes the queue out. The queue is bounded: a TCP or TLS connection
// whose record does not fit waits, so it stops reading and TCP's window
// slows the sender (back-pressure); a UDP datagram cannot wait, so it is
// dropped and counted.

import (
	"bufio"
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/audit"
	"github.com/cefsyslog/cefsyslog/framing"
	"github.com/cefsyslog/cefsyslog/internal/jsonw"
)

const listenUsage = `Usage: cefsyslog listen [flags]

Receives syslog over UDP (RFC 5426), TCP (RFC 6587) and TLS (RFC 5425), any
of them at once, and writes one JSON record per message to standard output
or --out, as "cefsyslog parse" does, with the peer and the time of receipt
added (docs/output.md).

Nothing is lost silently: records wait in a bounded queue; when the output
is slower than the network, TCP and TLS connections stop being read (the
senders slow down) and UDP datagrams are dropped and counted. The counters
are written to standard error on SIGUSR1 and at exit, and served with
expvar on --metrics. SIGHUP re-reads the certificate files. SIGTERM and
SIGINT stop accepting, drain the queue and exit 0.

With --dedupe, a record whose event was already received among the last
--dedupe-window records (the same content, whatever the syslog timestamp
and host) is dropped as a replay and counted ("deduplicated").

Exit status: 0 after SIGTERM or SIGINT; 1 when the output failed; 2 for bad
flags or an address that cannot be listened on.

Flags:
`

// listenConfig holds the listen subcommand's settings.
type listenConfig struct {
	udp, tcp, tls    string
	tlsMin           string
	cert, key        string
	clientCA         string
	permitted        []string
	out              string
	metrics          string
	maxSize          int
	maxConns         int
	queue            int
	idleTimeout      time.Duration
	handshakeTimeout time.Duration
	drainTimeout     time.Duration
	framing          framing.Mode
	parser           cefsyslog.Parser
	location         string
	dedupe           bool
	dedupeWindow     int
	schema           schema
}

func runListen(args []string, stdout, stderr io.Writer) int {
	lc := listenConfig{}
	fs := flag.NewFlagSet("listen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), listenUsage)
		fs.PrintDefaults()
	}
	fs.StringVar(&lc.udp, "udp", "", "receive UDP datagrams on this `address`, one message each (RFC 5426; 514 is the usual port)")
	fs.StringVar(&lc.tcp, "tcp", "", "receive plain TCP on this `address` (RFC 6587)")
	fs.StringVar(&lc.tls, "tls", "", "receive TLS on this `address` (RFC 5425; 6514 is the usual port)")
	fs.StringVar(&lc.tlsMin, "tls-min", "1.2", "lowest TLS `version` accepted: 1.2 or 1.3")
	fs.StringVar(&lc.cert, "cert", "", "server certificate `file` (PEM, chain allowed), for --tls")
	fs.StringVar(&lc.key, "key", "", "server private key `file` (PEM), for --tls")
	fs.StringVar(&lc.clientCA, "client-ca", "", "CA certificates `file` (PEM): require and verify a client certificate (mutual authentication)")
	fs.Func("permitted-peer", "accept only clients whose certificate names this `name` (DNS SAN or CN; *.example.com matches one label); repeatable, needs --client-ca", func(v string) error {
		lc.permitted = append(lc.permitted, v)
		return nil
	})
	fs.StringVar(&lc.out, "out", "", "append records to this `file` instead of standard output")
	fs.StringVar(&lc.metrics, "metrics", "", "serve the counters with expvar on this `address`, at /debug/vars")
	fs.IntVar(&lc.maxSize, "max-size", 64<<10, "longest message in `bytes`; a longer one yields a record with an error")
	fs.IntVar(&lc.maxConns, "max-conns", 1024, "most TCP and TLS connections at once; more are closed and counted")
	fs.IntVar(&lc.queue, "queue", 10000, "records waiting for the output at most")
	fs.DurationVar(&lc.idleTimeout, "idle-timeout", 10*time.Minute, "close a connection that sends nothing for this `duration` (0: never)")
	fs.DurationVar(&lc.handshakeTimeout, "handshake-timeout", 10*time.Second, "give up a TLS handshake after this `duration`")
	fs.DurationVar(&lc.drainTimeout, "drain-timeout", time.Second, "at shutdown, read what connections still send for this `duration`")
	fs.TextVar(&lc.framing, "framing", framing.Auto, "TCP and TLS `framing`: auto, octet-counting or non-transparent")
	fs.TextVar(&lc.parser.Format, "format", cefsyslog.Auto, "message `format`: auto, rfc5424, rfc3164 or cef")
	fs.IntVar(&lc.parser.Year, "year", 0, "`year` of timestamps that carry none (default: this year, or last year for stamps over a month ahead)")
	fs.StringVar(&lc.location, "location", "UTC", "time `zone` of timestamps without an offset")
	fs.BoolVar(&lc.parser.Lenient, "lenient", false, "accept what real senders get wrong (see the rfc5424 package)")
	fs.Var(&lc.schema, "schema", "write records as `schema`: contract (docs/output.md), commonsecuritylog (Microsoft Sentinel) or ecs (Elastic); received and peer are added to each")
	fs.BoolVar(&lc.dedupe, "dedupe", false, "drop records whose event was already received within --dedupe-window records (replays), and count them")
	fs.IntVar(&lc.dedupeWindow, "dedupe-window", audit.DefaultReplayWindow, "with --dedupe, how many recent `records` replays are looked for in")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "cefsyslog listen: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if msg := lc.check(); msg != "" {
		fmt.Fprintf(stderr, "cefsyslog listen: %s\n", msg)
		return exitUsage
	}

	out := stdout
	if lc.out != "" {
		f, err := os.OpenFile(lc.out, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		if err != nil {
			fmt.Fprintf(stderr, "cefsyslog listen: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		out = f
	}
	// Catch the signals before the addresses are announced: a SIGUSR1
	// sent as soon as one is would otherwise end the process.
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGHUP, syscall.SIGUSR1, syscall.SIGTERM, syscall.SIGINT)
	defer signal.Stop(sigs)
	s, err := newServer(&lc, out, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "cefsyslog listen: %v\n", err)
		return exitUsage
	}
	s.start()
	for {
		select {
		case sig := <-sigs:
			switch sig {
			case syscall.SIGHUP:
				s.reload()
			case syscall.SIGUSR1:
				s.report()
			default:
				return s.shutdown()
			}
		case <-s.failed:
			return s.shutdown()
		}
	}
}

// check validates the flags and completes the parser; it returns a message
// for the first bad flag.
func (lc *listenConfig) check() string {
	switch {
	case lc.udp == "" && lc.tcp == "" && lc.tls == "":
		return "nothing to listen on: give --udp, --tcp or --tls"
	case lc.tls != "" && (lc.cert == "" || lc.key == ""):
		return "--tls needs --cert and --key"
	case lc.tls == "" && (lc.cert != "" || lc.clientCA != ""):
		return "--cert and --client-ca need --tls"
	case len(lc.permitted) > 0 && lc.clientCA == "":
		return "--permitted-peer needs --client-ca: without client certificates there is no name to check"
	case lc.tlsMin != "1.2" && lc.tlsMin != "1.3":
		return fmt.Sprintf("--tls-min %q: use 1.2 or 1.3", lc.tlsMin)
	case lc.maxSize <= 0 || lc.maxSize > 1<<30:
		return fmt.Sprintf("--max-size %d is out of range", lc.maxSize)
	case lc.maxConns <= 0:
		return fmt.Sprintf("--max-conns %d must be positive", lc.maxConns)
	case lc.queue <= 0:
		return fmt.Sprintf("--queue %d must be positive", lc.queue)
	case lc.dedupe && lc.dedupeWindow <= 0:
		return fmt.Sprintf("--dedupe-window %d must be positive", lc.dedupeWindow)
	case lc.idleTimeout < 0 || lc.handshakeTimeout <= 0 || lc.drainTimeout < 0:
		return "timeouts must not be negative"
	}
	for _, p := range lc.permitted {
		if strings.Count(p, "*") > 1 || (strings.Contains(p, "*") && !strings.HasPrefix(p, "*.")) {
			return fmt.Sprintf("--permitted-peer %q: a wildcard may only be the whole left-most label", p)
		}
	}
	loc, err := time.LoadLocation(lc.location)
	if err != nil {
		return fmt.Sprintf("--location: %v", err)
	}
	lc.parser.Location = loc
	lc.parser.MaxLen = lc.maxSize
	return ""
}

// server is one running receiver.
type server struct {
	cfg     *listenConfig
	stats   *stats
	queue   chan []byte
	out     *bufio.Writer
	stderr  io.Writer
	logMu   sync.Mutex
	tlsConf atomic.Pointer[tls.Config]

	listeners []net.Listener
	udp       *net.UDPConn
	metrics   *metricsServer

	slots    chan struct{} // one per connection allowed
	mu       sync.Mutex
	conns    map[net.Conn]struct{}
	stopping atomic.Bool
	deadline atomic.Int64 // UnixNano: read deadline of every connection once stopping

	producers sync.WaitGroup // accept loops, connections, the UDP reader
	writerEnd chan struct{}  // closed when the writer has written everything
	failed    chan struct{}  // closed when the output fails
	failOnce  sync.Once
	outErr    error

	dedupeMu sync.Mutex
	dedupe   *audit.Tracker // with --dedupe
}

func newServer(cfg *listenConfig, out io.Writer, stderr io.Writer) (*server, error) {
	s := &server{
		cfg:       cfg,
		stats:     newStats(),
		queue:     make(chan []byte, cfg.queue),
		out:       bufio.NewWriterSize(out, 64<<10),
		stderr:    stderr,
		slots:     make(chan struct{}, cfg.maxConns),
		conns:     make(map[net.Conn]struct{}),
		writerEnd: make(chan struct{}),
		failed:    make(chan struct{}),
	}
	if cfg.dedupe {
		s.dedupe = audit.New(audit.Config{Sequences: []audit.Sequence{}, ReplayWindow: cfg.dedupeWindow})
	}
	if cfg.tls != "" {
		conf, err := loadTLS(cfg)
		if err != nil {
			return nil, err
		}
		s.tlsConf.Store(conf)
	}
	// Listen on everything before serving anything, so that a bad address
	// fails the start.
	var err error
	defer func() {
		if err != nil {
			s.closeListeners()
		}
	}()
	if cfg.udp != "" {
		var addr *net.UDPAddr
		if addr, err = net.ResolveUDPAddr("udp", cfg.udp); err != nil {
			return nil, fmt.Errorf("--udp: %w", err)
		}
		if s.udp, err = net.ListenUDP("udp", addr); err != nil {
			return nil, fmt.Errorf("--udp: %w", err)
		}
		// A large socket buffer absorbs bursts the kernel would
		// otherwise drop before we see them.
		s.udp.SetReadBuffer(8 << 20)
		s.logf("udp on %s", s.udp.LocalAddr())
	}
	for _, l := range []struct{ flag, addr string }{{"--tcp", cfg.tcp}, {"--tls", cfg.tls}} {
		if l.addr == "" {
			continue
		}
		var ln net.Listener
		if ln, err = net.Listen("tcp", l.addr); err != nil {
			return nil, fmt.Errorf("%s: %w", l.flag, err)
		}
		s.listeners = append(s.listeners, ln)
		s.logf("%s on %s", l.flag[2:], ln.Addr())
	}
	if cfg.metrics != "" {
		if s.metrics, err = serveMetrics(cfg.metrics, s.stats, s.logf); err != nil {
			return nil, fmt.Errorf("--metrics: %w", err)
		}
		s.logf("metrics on http://%s/debug/vars", s.metrics.addr)
	}
	return s, nil
}

// logf writes one line to standard error.
func (s *server) logf(format string, args ...any) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.stderr, "cefsyslog listen: "+format+"\n", args...)
}

func (s *server) start() {
	go s.writer()
	if s.udp != nil {
		s.producers.Add(1)
		go s.readUDP()
	}
	for i, ln := range s.listeners {
		isTLS := s.cfg.tls != "" && i == len(s.listeners)-1
		s.producers.Add(1)
		go s.accept(ln, isTLS)
	}
}

// writer writes the queue out, flushing whenever it runs dry so that
// records reach the output as they arrive.
func (s *server) writer() {
	defer close(s.writerEnd)
	for rec := range s.queue {
		if s.outErr != nil {
			continue // keep draining, so that no producer waits forever
		}
		if _, err := s.out.Write(rec); err != nil {
			s.fail(err)
			continue
		}
		s.stats.written.Add(1)
		if len(s.queue) == 0 {
			if err := s.out.Flush(); err != nil {
				s.fail(err)
			}
		}
	}
	if s.outErr == nil {
		if err := s.out.Flush(); err != nil {
			s.fail(err)
		}
	}
}

func (s *server) fail(err error) {
	s.failOnce.Do(func() {
		s.outErr = err
		s.logf("output: %v", err)
		close(s.failed)
	})
}

// shutdown stops accepting, lets connections deliver what they still
// send for the drain timeout, writes out the queue, reports the counters
// and returns the exit status.
func (s *server) shutdown() int {
	s.stopping.Store(true)
	s.deadline.Store(time.Now().Add(s.cfg.drainTimeout).UnixNano())
	s.closeListeners()
	s.mu.Lock()
	for c := range s.conns {
		c.SetReadDeadline(time.Unix(0, s.deadline.Load()))
	}
	s.mu.Unlock()
	s.producers.Wait()
	close(s.queue)
	<-s.writerEnd
	if s.metrics != nil {
		s.metrics.close()
	}
	s.report()
	if s.outErr != nil {
		return exitRecords
	}
	return exitOK
}

func (s *server) closeListeners() {
	for _, ln := range s.listeners {
		ln.Close()
	}
	if s.udp != nil {
		s.udp.Close()
	}
}

// report writes the counters to standard error.
func (s *server) report() { s.logf("counters %s", s.stats.vars.String()) }

// reload re-reads the certificate files; on failure the old ones stay.
func (s *server) reload() {
	if s.cfg.tls == "" {
		s.logf("SIGHUP: no --tls, nothing to reload")
		return
	}
	conf, err := loadTLS(s.cfg)
	if err != nil {
		s.logf("SIGHUP: keeping the old certificates: %v", err)
		return
	}
	s.tlsConf.Store(conf)
	s.logf("SIGHUP: certificates reloaded")
}

// accept serves one TCP or TLS listener until it is closed.
func (s *server) accept(ln net.Listener, isTLS bool) {
	defer s.producers.Done()
	var backoff time.Duration
	for {
		c, err := ln.Accept()
		if err != nil {
			if s.stopping.Load() || errors.Is(err, net.ErrClosed) {
				return
			}
			// Out of file descriptors and the like: wait, as net/http
			// does, rather than spin.
			backoff = min(max(2*backoff, 5*time.Millisecond), time.Second)
			s.logf("accept: %v; retrying in %v", err, backoff)
			time.Sleep(backoff)
			continue
		}
		backoff = 0
		select {
		case s.slots <- struct{}{}:
		default:
			s.stats.rejected.Add(1)
			c.Close()
			continue
		}
		s.stats.connections.Add(1)
		s.stats.open.Add(1)
		s.producers.Add(1)
		go s.serve(c, isTLS)
	}
}

// serve reads one connection to its end.
func (s *server) serve(c net.Conn, isTLS bool) {
	defer s.producers.Done()
	defer func() { <-s.slots; s.stats.open.Add(-1) }()
	defer c.Close()
	if !s.track(c) {
		return
	}
	defer s.untrack(c)

	peer := peerInfo{transport: "tcp", addr: c.RemoteAddr().String()}
	if isTLS {
		peer.transport = "tls"
		tc := tls.Server(c, &tls.Config{
			GetConfigForClient: func(*tls.ClientHelloInfo) (*tls.Config, error) { return s.tlsConf.Load(), nil },
		})
		ctx, cancel := context.WithTimeout(context.Background(), s.cfg.handshakeTimeout)
		err := tc.HandshakeContext(ctx)
		cancel()
		if err != nil {
			reason := handshakeReason(err)
			s.stats.handshake.Add(reason, 1)
			s.logf("tls handshake with %s failed (%s): %v", peer.addr, reason, err)
			return
		}
		peer.name = peerName(tc.ConnectionState())
		c = tc
	}
	frames := framing.Reader{Mode: s.cfg.framing, MaxSize: s.cfg.maxSize + 1}
	frames.Reset(&deadlineReader{c: c, s: s})
	for {
		frame, err := frames.Next()
		fe, isFrameErr := errors.AsType[*framing.Error](err)
		if err != nil && !isFrameErr {
			if err != io.EOF && !s.stopping.Load() && !isTimeout(err) {
				s.logf("%s %s: %v", peer.transport, peer.addr, err)
			}
			return
		}
		if isFrameErr && fe.Err == framing.ErrTooLong {
			fe = nil // the parser reports it, as for any long message
		}
		s.stats.received.Add(1)
		s.stats.bytes.Add(int64(len(frame)))
		rec, ok := s.encode(framing.TrimTrailingLF(frame), fe, &peer)
		if rec == nil {
			continue // a replay, dropped and counted
		}
		s.queue <- rec // waits when the queue is full: back-pressure
		s.count(ok)
	}
}

func (s *server) track(c net.Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopping.Load() {
		return false
	}
	s.conns[c] = struct{}{}
	return true
}

func (s *server) untrack(c net.Conn) {
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
}

// readUDP reads datagrams until the socket is closed. Each datagram is one
// message (RFC 5426 §3.1); a trailing LF, CRLF or NUL that some senders
// add is not part of it.
func (s *server) readUDP() {
	defer s.producers.Done()
	buf := make([]byte, 64<<10)
	for {
		n, addr, err := s.udp.ReadFromUDPAddrPort(buf)
		if err != nil {
			if s.stopping.Load() || errors.Is(err, net.ErrClosed) {
				return
			}
			s.logf("udp: %v", err)
			continue
		}
		msg := buf[:n]
		if len(msg) > 0 && msg[len(msg)-1] == 0 {
			msg = msg[:len(msg)-1]
		}
		msg = framing.TrimTrailingLF(msg)
		s.stats.received.Add(1)
		s.stats.bytes.Add(int64(n))
		peer := peerInfo{transport: "udp", addr: addr.String()}
		rec, ok := s.encode(msg, nil, &peer)
		if rec == nil {
			continue // a replay, dropped and counted
		}
		select {
		case s.queue <- rec:
			s.count(ok)
		default:
			s.stats.dropped.Add(1)
		}
	}
}

// peerInfo is what the record says of the sender.
type peerInfo struct {
	transport string // udp, tcp or tls
	addr      string // ip:port
	name      string // the verified client certificate's name, with --client-ca
}

// count counts a queued record: parsed, or with an error.
func (s *server) count(ok bool) {
	if ok {
		s.stats.parsed.Add(1)
	} else {
		s.stats.errors.Add(1)
	}
}

// encode parses one message and returns its record line, the contract's
// record with "received" and "peer" added, and whether it parsed without
// error. With --dedupe it returns a nil line for a replay, which it counts.
func (s *server) encode(msg []byte, fe *framing.Error, peer *peerInfo) ([]byte, bool) {
	now := time.Now()
	rec, err := s.cfg.parser.Parse(msg)
	if fe != nil {
		rec.Err = frameError(rec, msg, fe)
		err = rec.Err
	}
	if s.dedupe != nil && err == nil {
		s.dedupeMu.Lock()
		v := s.dedupe.ObserveAt(rec, now)
		s.dedupeMu.Unlock()
		if v.Has(audit.Replay) {
			s.stats.dedup.Add(1)
			return nil, true
		}
	}
	b := s.cfg.schema.appendRecord(make([]byte, 0, 2*len(msg)+256), rec)
	b = b[:len(b)-1] // reopen the object
	b = jsonw.Time(b, "received", now.UTC())
	b = append(jsonw.Key(b, "peer"), '{')
	b = jsonw.Str(b, "transport", peer.transport)
	b = jsonw.Str(b, "address", peer.addr)
	b = jsonw.OptStr(b, "name", peer.name)
	return append(b, '}', '}', '\n'), err == nil
}

// deadlineReader reads a connection with the idle timeout, or with the
// shutdown's drain deadline once the server is stopping.
type deadlineReader struct {
	c net.Conn
	s *server
}

func (d *deadlineReader) Read(p []byte) (int, error) {
	switch {
	case d.s.stopping.Load():
		d.c.SetReadDeadline(time.Unix(0, d.s.deadline.Load()))
	case d.s.cfg.idleTimeout > 0:
		d.c.SetReadDeadline(time.Now().Add(d.s.cfg.idleTimeout))
	}
	return d.c.Read(p)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
