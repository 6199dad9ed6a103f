/**
 * One self-signed test certificate (EC P-256, CN and SAN *.bench.example.com, valid ten years) shared by every
 * generated TLS Secret. A fixed PEM keeps the generated mesh deterministic and cheap: generating a key per
 * Gateway would cost seconds at the large size and make every run differ. It secures nothing; never deploy it.
 */

/** PEM of the shared test certificate. */
export const BENCH_TLS_CERT = `-----BEGIN CERTIFICATE-----
MIIBxTCCAWygAwIBAgIUOKX4ZPvV6+pC3K8qdHWpKME5DA0wCgYIKoZIzj0EAwIw
HjEcMBoGA1UEAwwTKi5iZW5jaC5leGFtcGxlLmNvbTAeFw0yNjExMzAwMzUyNDNa
Fw0zNjExMjcwMzUyNDNaMB4xHDAaBgNVBAMMEyouYmVuY2guZXhhbXBsZS5jb20w
WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQnhrFXynekHj1lzgBKceR7Y2LimJKq
HARIQVMYYdF3v/AO+jxU0MNMgB3f5mjkOkLvKS4YhmZ4X95oHnuF6/5eo4GHMIGE
MB0GA1UdDgQWBBTNEq7fdMdGXgiqUIoUcUcv27N3+DAfBgNVHSMEGDAWgBTNEq7f
dMdGXgiqUIoUcUcv27N3+DAPBgNVHRMBAf8EBTADAQH/MDEGA1UdEQQqMCiCEyou
YmVuY2guZXhhbXBsZS5jb22CEWJlbmNoLmV4YW1wbGUuY29tMAoGCCqGSM49BAMC
A0cAMEQCIFhqPjh8FPqw2Vp3B0i6E5QF/o3qRXGbItZYhAciF93NAiBfU6gjMp77
360habsDIpjUQVGlylekeq2Gf7QyFvE88g==
-----END CERTIFICATE-----
`;

/** PEM of its private key (test fixture only). */
export const BENCH_TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgIl/b1ujItSJ5bw6T
ibPHlMWtFbcCQD9O4uWq7zh6/I+hRANCAAQnhrFXynekHj1lzgBKceR7Y2LimJKq
HARIQVMYYdF3v/AO+jxU0MNMgB3f5mjkOkLvKS4YhmZ4X95oHnuF6/5e
-----END PRIVATE KEY-----
`;
