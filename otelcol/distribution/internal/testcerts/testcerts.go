// Package testcerts writes a throwaway PKI for the distribution's tests:
// one CA, a server certificate for localhost, server.test and 127.0.0.1,
// and a client certificate, valid for a day.
package testcerts

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// Set names the files Write wrote and holds what a Go client needs.
type Set struct {
	CA                    string // ca.pem, also written as clients-ca.pem and gateway-ca.pem
	ServerCert, ServerKey string // server.pem, server-key.pem
	ClientCert, ClientKey string // client.pem, client-key.pem (CN sender.example.com)
	Pool                  *x509.CertPool
	Client                tls.Certificate
}

// Write creates dir and writes the PKI into it. One CA signs both sides;
// the copies under other names let a configuration name the client CA and
// an upstream CA apart, as production ones do.
func Write(dir string) (*Set, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	caTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "cefsyslog test CA"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		return nil, err
	}
	ca, err := x509.ParseCertificate(caDER)
	if err != nil {
		return nil, err
	}
	for _, name := range []string{"ca.pem", "clients-ca.pem", "gateway-ca.pem"} {
		if err := writePEM(filepath.Join(dir, name), "CERTIFICATE", caDER); err != nil {
			return nil, err
		}
	}
	issue := func(serial int64, file, cn string, server bool) error {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			return err
		}
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: cn}, DNSNames: []string{cn},
			NotBefore: now.Add(-time.Hour), NotAfter: now.Add(24 * time.Hour),
			KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
		}
		if server {
			tmpl.DNSNames = append(tmpl.DNSNames, "localhost")
			tmpl.IPAddresses = []net.IP{net.IPv4(127, 0, 0, 1)}
			tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
		if err != nil {
			return err
		}
		kDER, err := x509.MarshalPKCS8PrivateKey(key)
		if err != nil {
			return err
		}
		if err := writePEM(filepath.Join(dir, file+".pem"), "CERTIFICATE", der); err != nil {
			return err
		}
		return writePEM(filepath.Join(dir, file+"-key.pem"), "PRIVATE KEY", kDER)
	}
	if err := issue(2, "server", "server.test", true); err != nil {
		return nil, err
	}
	if err := issue(3, "client", "sender.example.com", false); err != nil {
		return nil, err
	}
	s := &Set{
		CA:         filepath.Join(dir, "ca.pem"),
		ServerCert: filepath.Join(dir, "server.pem"), ServerKey: filepath.Join(dir, "server-key.pem"),
		ClientCert: filepath.Join(dir, "client.pem"), ClientKey: filepath.Join(dir, "client-key.pem"),
		Pool: x509.NewCertPool(),
	}
	s.Pool.AddCert(ca)
	if s.Client, err = tls.LoadX509KeyPair(s.ClientCert, s.ClientKey); err != nil {
		return nil, err
	}
	return s, nil
}

func writePEM(name, typ string, der []byte) error {
	return os.WriteFile(name, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600)
}
