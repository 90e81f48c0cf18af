package main

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
	"strings"
)

// errNotPermitted is the handshake error for a client whose certificate
// names no permitted peer.
var errNotPermitted = errors.New("client certificate names no permitted peer")

// loadTLS reads the certificate files and builds the server's TLS
// configuration. It is called at start and on SIGHUP.
func loadTLS(cfg *listenConfig) (*tls.Config, error) {
	cert, err := tls.LoadX509KeyPair(cfg.cert, cfg.key)
	if err != nil {
		return nil, fmt.Errorf("--cert/--key: %w", err)
	}
	conf := &tls.Config{
		Certificates: []tls.Certificate{cert},
		MinVersion:   tls.VersionTLS12,
	}
	if cfg.tlsMin == "1.3" {
		conf.MinVersion = tls.VersionTLS13
	}
	if cfg.clientCA != "" {
		pem, err := os.ReadFile(cfg.clientCA)
		if err != nil {
			return nil, fmt.Errorf("--client-ca: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("--client-ca: %s holds no PEM certificate", cfg.clientCA)
		}
		conf.ClientCAs = pool
		conf.ClientAuth = tls.RequireAndVerifyClientCert
	}
	if len(cfg.permitted) > 0 {
		permitted := cfg.permitted
		conf.VerifyConnection = func(cs tls.ConnectionState) error {
			if len(cs.PeerCertificates) == 0 {
				return errNotPermitted
			}
			for _, name := range certNames(cs.PeerCertificates[0]) {
				for _, p := range permitted {
					if matchPeer(p, name) {
						return nil
					}
				}
			}
			return errNotPermitted
		}
	}
	return conf, nil
}

// certNames returns the names a client certificate is checked by: its DNS
// SANs, then its CN, as rsyslog's x509/name mode checks them.
func certNames(c *x509.Certificate) []string {
	names := append([]string(nil), c.DNSNames...)
	if c.Subject.CommonName != "" {
		names = append(names, c.Subject.CommonName)
	}
	return names
}

// matchPeer reports whether a certificate name matches a permitted-peer
// pattern, ignoring case. "*.example.com" matches one left-most label:
// "a.example.com", not "example.com" nor "a.b.example.com" (RFC 5425
// §5.2, as rsyslog's PermittedPeer).
func matchPeer(pattern, name string) bool {
	if rest, ok := strings.CutPrefix(pattern, "*."); ok {
		label, domain, found := strings.Cut(name, ".")
		return found && label != "" && strings.EqualFold(domain, rest)
	}
	return strings.EqualFold(pattern, name)
}

// peerName returns the name of a verified client certificate: its first
// DNS SAN, else its CN; "" without one.
func peerName(cs tls.ConnectionState) string {
	if len(cs.VerifiedChains) == 0 || len(cs.PeerCertificates) == 0 {
		return ""
	}
	if names := certNames(cs.PeerCertificates[0]); len(names) > 0 {
		return names[0]
	}
	return ""
}

// handshakeReason sorts a failed handshake for the counters.
func handshakeReason(err error) string {
	msg := err.Error()
	var unknownCA x509.UnknownAuthorityError
	var invalid x509.CertificateInvalidError
	switch {
	case errors.Is(err, errNotPermitted):
		return "peer_not_permitted"
	case strings.Contains(msg, "didn't provide a certificate"):
		return "no_client_certificate"
	case errors.As(err, &unknownCA), errors.As(err, &invalid), strings.Contains(msg, "failed to verify certificate"):
		return "bad_client_certificate"
	case strings.Contains(msg, "protocol version"), strings.Contains(msg, "unsupported versions"):
		return "protocol_version"
	case strings.Contains(msg, "no cipher suite"), strings.Contains(msg, "no mutually supported"):
		return "no_shared_cipher"
	case isTimeout(err), errors.Is(err, errDeadline):
		return "timeout"
	case strings.Contains(msg, "EOF"), strings.Contains(msg, "connection reset"):
		return "closed_by_client"
	case strings.Contains(msg, "first record does not look like a TLS handshake"):
		return "not_tls"
	}
	return "other"
}
