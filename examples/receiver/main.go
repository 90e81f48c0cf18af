// Receiver is a short syslog-over-TLS receiver (RFC 5425) built from the
// library: it accepts TLS 1.2 and 1.3 connections, requires a client
// certificate when given a CA, splits each stream into frames, and prints
// one JSON record per message. Copy it and make it yours; cefsyslog listen
// is the full version, with queues, limits and counters.
//
//	go run ./examples/receiver -addr :6514 -cert server.pem -key server-key.pem -client-ca ca.pem
package main

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"io"
	"log"
	"net"
	"os"
	"sync"
	"time"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/framing"
)

func main() {
	addr := flag.String("addr", ":6514", "address to listen on")
	certFile := flag.String("cert", "server.pem", "server certificate (PEM)")
	keyFile := flag.String("key", "server-key.pem", "server key (PEM)")
	caFile := flag.String("client-ca", "", "CA of the client certificates to require (PEM); none: no client certificate")
	flag.Parse()

	conf, err := tlsConfig(*certFile, *keyFile, *caFile)
	if err != nil {
		log.Fatal(err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("listening on %s", ln.Addr())
	log.Fatal(serve(tls.NewListener(ln, conf), os.Stdout))
}

func tlsConfig(certFile, keyFile, caFile string) (*tls.Config, error) {
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, err
	}
	conf := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	if caFile != "" {
		pem, err := os.ReadFile(caFile)
		if err != nil {
			return nil, err
		}
		conf.ClientCAs = x509.NewCertPool()
		if !conf.ClientCAs.AppendCertsFromPEM(pem) {
			return nil, errors.New("no certificate in " + caFile)
		}
		conf.ClientAuth = tls.RequireAndVerifyClientCert
	}
	return conf, nil
}

// serve accepts connections until ln is closed and writes their records
// to out, one JSON object per line.
func serve(ln net.Listener, out io.Writer) error {
	var mu sync.Mutex // one record at a time on out
	w := bufio.NewWriter(out)
	for {
		conn, err := ln.Accept()
		if err != nil {
			return err
		}
		go func() {
			defer conn.Close()
			// The handshake happens on the first read; bound it, and
			// close connections that stay silent.
			conn.SetDeadline(time.Now().Add(10 * time.Minute))
			frames := framing.NewReader(conn) // auto-detects the framing
			var p cefsyslog.Parser
			var buf []byte
			for {
				frame, err := frames.Next()
				if err != nil && !framing.IsFrameError(err) {
					if err != io.EOF {
						log.Printf("%s: %v", conn.RemoteAddr(), err)
					}
					return
				}
				rec, _ := p.Parse(frame) // the record carries any error
				buf = append(rec.AppendJSON(buf[:0]), '\n')
				mu.Lock()
				w.Write(buf)
				w.Flush()
				mu.Unlock()
				conn.SetDeadline(time.Now().Add(10 * time.Minute))
			}
		}()
	}
}
