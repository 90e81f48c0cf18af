package cefsyslogreceiver

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/framing"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/consumer/consumererror"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/receiver"
	"go.opentelemetry.io/collector/receiver/receiverhelper"
	"go.uber.org/zap"
)

// cefReceiver serves TCP or TLS connections: each is read frame by frame,
// parsed, mapped to log records and handed on in batches. A connection is
// not read while its batch is being handed on, so a consumer that is slow
// or refuses slows the sender down instead of losing records.
type cefReceiver struct {
	cfg    *Config
	set    receiver.Settings
	next   consumer.Logs
	obs    *receiverhelper.ObsReport
	parser cefsyslog.Parser
	mode   framing.Mode
	trail  framing.Trailer
	mapper mapper

	ln       net.Listener
	stopping atomic.Bool
	slots    chan struct{}
	mu       sync.Mutex
	conns    map[net.Conn]struct{}
	wg       sync.WaitGroup
	ctx      context.Context
	cancel   context.CancelFunc
}

func newReceiver(set receiver.Settings, cfg *Config, next consumer.Logs) (*cefReceiver, error) {
	transport := "tcp"
	if cfg.TLS.HasValue() {
		transport = "tls"
	}
	obs, err := receiverhelper.NewObsReport(receiverhelper.ObsReportSettings{
		ReceiverID: set.ID, Transport: transport, LongLivedCtx: true, ReceiverCreateSettings: set,
	})
	if err != nil {
		return nil, err
	}
	loc, err := time.LoadLocation(cfg.Location)
	if err != nil {
		return nil, err
	}
	r := &cefReceiver{cfg: cfg, set: set, next: next, obs: obs,
		conns: map[net.Conn]struct{}{}, slots: make(chan struct{}, cfg.MaxConnections),
		mapper: mapper{flat: cfg.Attributes == "syslogreceiver", azure: cfg.AzureStackHub, keepOriginal: cfg.KeepOriginal}}
	r.parser = cefsyslog.Parser{Location: loc, MaxLen: cfg.MaxMessageSize}
	if err := r.parser.Format.UnmarshalText([]byte(cfg.Format)); err != nil {
		return nil, err
	}
	switch cfg.Framing {
	case "auto":
		r.mode, r.trail = framing.Auto, framing.DefaultTrailer
	case "octet_counting":
		r.mode = framing.OctetCounting
	case "lf":
		r.mode, r.trail = framing.NonTransparent, framing.TrailerLF
	case "nul":
		r.mode, r.trail = framing.NonTransparent, framing.TrailerNUL
	}
	return r, nil
}

// Start listens on the endpoint, with TLS when configured.
func (r *cefReceiver) Start(ctx context.Context, _ component.Host) error {
	ln, err := r.cfg.TCPAddrConfig.Listen(ctx)
	if err != nil {
		return err
	}
	if r.cfg.TLS.HasValue() {
		conf, err := r.cfg.TLS.Get().LoadTLSConfig(ctx)
		if err != nil {
			ln.Close()
			return err
		}
		ln = tls.NewListener(ln, conf)
	}
	r.ln = ln
	r.ctx, r.cancel = context.WithCancel(context.Background())
	r.wg.Add(1)
	go r.accept()
	return nil
}

// Shutdown stops accepting, closes the open connections, hands on what
// they had read and waits for their goroutines, or for ctx.
func (r *cefReceiver) Shutdown(ctx context.Context) error {
	if r.ln == nil {
		return nil
	}
	r.stopping.Store(true)
	r.ln.Close()
	r.mu.Lock()
	for c := range r.conns {
		c.SetReadDeadline(time.Now())
	}
	r.mu.Unlock()
	done := make(chan struct{})
	go func() { r.wg.Wait(); close(done) }()
	select {
	case <-done:
		r.cancel()
		return nil
	case <-ctx.Done():
		r.cancel()
		return ctx.Err()
	}
}

func (r *cefReceiver) accept() {
	defer r.wg.Done()
	for {
		c, err := r.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			r.set.Logger.Warn("accept", zap.Error(err))
			continue
		}
		select {
		case r.slots <- struct{}{}:
		default:
			r.set.Logger.Warn("max_connections reached: connection closed", zap.String("peer", c.RemoteAddr().String()))
			c.Close()
			continue
		}
		r.mu.Lock()
		r.conns[c] = struct{}{}
		r.mu.Unlock()
		r.wg.Add(1)
		go r.serve(c)
	}
}

// serve reads one connection until it ends, fails, idles out or the
// receiver shuts down.
func (r *cefReceiver) serve(c net.Conn) {
	defer r.wg.Done()
	defer func() {
		c.Close()
		r.mu.Lock()
		delete(r.conns, c)
		r.mu.Unlock()
		<-r.slots
	}()
	peer := c.RemoteAddr().String()
	// The batch is handed on when it is full, when it has waited
	// max_batch_delay (from a timer, for a connection gone quiet), and at
	// the end. The lock makes the reader wait while a batch is handed on.
	var mu sync.Mutex
	b := newBatch()
	var timer *time.Timer
	flush := func(which *batch) {
		mu.Lock()
		defer mu.Unlock()
		if b == which && b.n > 0 {
			r.deliver(b)
			b = newBatch()
		}
	}
	dr := &deadlineReader{c: c, idle: r.cfg.IdleTimeout, stopping: &r.stopping}
	rd := framing.Reader{Mode: r.mode, Trailer: r.trail, MaxSize: r.cfg.MaxMessageSize + 1}
	rd.Reset(dr)
	for {
		frame, err := rd.Next()
		fe, isFrameErr := errors.AsType[*framing.Error](err)
		if err != nil && !isFrameErr {
			if !errors.Is(err, io.EOF) && !isTimeout(err) && r.ctx.Err() == nil {
				r.set.Logger.Debug("connection ended", zap.String("peer", peer), zap.Error(err))
			}
			break
		}
		msg := framing.TrimTrailingLF(frame)
		rec, perr := r.parser.Parse(msg)
		if isFrameErr && fe.Err != framing.ErrTooLong {
			perr = fe
			if rec.Err == nil {
				rec.Err = &cefsyslog.ParseError{Format: rec.Format, Reason: fe.Err.Error(), Err: fe}
			}
		}
		if perr != nil && r.cfg.OnError == "drop" {
			ctx := r.obs.StartLogsOp(r.ctx)
			r.obs.EndLogsOp(ctx, "cefsyslog", 1, perr)
			continue
		}
		mu.Lock()
		r.mapper.add(b, rec, peer, time.Now())
		switch {
		case b.n >= r.cfg.MaxBatchSize:
			r.deliver(b)
			b = newBatch()
		case b.n == 1 && r.cfg.MaxBatchDelay > 0:
			which := b
			if timer != nil {
				timer.Stop()
			}
			timer = time.AfterFunc(r.cfg.MaxBatchDelay, func() { flush(which) })
		}
		mu.Unlock()
	}
	if timer != nil {
		timer.Stop()
	}
	mu.Lock()
	current := b
	mu.Unlock()
	flush(current)
}

// deliver hands a batch on. A refusal that may pass (the memory limiter's,
// say) is retried with growing pauses while the connection waits; only a
// permanent refusal, or shutdown, gives the batch up, and the receiver's
// metrics count it as refused.
func (r *cefReceiver) deliver(b *batch) {
	pause := 50 * time.Millisecond
	for {
		ctx := r.obs.StartLogsOp(r.ctx)
		err := r.next.ConsumeLogs(ctx, b.logs)
		r.obs.EndLogsOp(ctx, "cefsyslog", b.n, err)
		if err == nil {
			return
		}
		if consumererror.IsPermanent(err) {
			r.set.Logger.Error("next consumer refused records for good", zap.Int("records", b.n), zap.Error(err))
			return
		}
		select {
		case <-r.ctx.Done():
			r.set.Logger.Error("shut down while the next consumer refused records", zap.Int("records", b.n), zap.Error(err))
			return
		case <-time.After(pause):
		}
		pause = min(2*pause, 5*time.Second)
	}
}

// batch is the log records read from one connection and not yet handed on.
type batch struct {
	logs plog.Logs
	n    int
	res  map[[2]string]plog.LogRecordSlice // by host and app
}

func newBatch() *batch {
	return &batch{logs: plog.NewLogs(), res: map[[2]string]plog.LogRecordSlice{}}
}

// deadlineReader reads a connection with the idle timeout, and stops
// reading once the receiver shuts down.
type deadlineReader struct {
	c        net.Conn
	idle     time.Duration
	stopping *atomic.Bool
}

func (d *deadlineReader) Read(p []byte) (int, error) {
	switch {
	case d.stopping.Load():
		d.c.SetReadDeadline(time.Now())
	case d.idle > 0:
		d.c.SetReadDeadline(time.Now().Add(d.idle))
	}
	return d.c.Read(p)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
