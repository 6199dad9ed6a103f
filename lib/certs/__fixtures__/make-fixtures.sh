#!/bin/sh
# Regenerates the test certificates and keys with the openssl CLI (3.x). Test-only material:
# the keys protect nothing. Run from this folder: sh make-fixtures.sh
set -eu
PASS=pass:correct-horse
cat > leaf.ext <<'EXT'
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=DNS:a.aliyun.com,DNS:*.aliyun.com,IP:10.0.0.1
EXT

# An RSA root CA and a leaf it signs for the seed's hostname.
openssl req -x509 -newkey rsa:2048 -nodes -keyout rsa-ca.key -out rsa-ca.crt -days 3650 \
  -subj '/CN=Example Test Root CA/O=Example Org' \
  -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign,cRLSign'
openssl req -new -newkey rsa:2048 -nodes -keyout rsa-leaf.key -out rsa-leaf.csr \
  -subj '/CN=a.aliyun.com/O=Example Org'
openssl x509 -req -in rsa-leaf.csr -CA rsa-ca.crt -CAkey rsa-ca.key -CAcreateserial -days 90 \
  -extfile leaf.ext -out rsa-leaf.crt
cat rsa-leaf.crt rsa-ca.crt > rsa-chain.pem
openssl x509 -in rsa-leaf.crt -outform der -out rsa-leaf.der
openssl rsa -in rsa-leaf.key -traditional -out rsa-leaf.pkcs1.key
openssl pkcs8 -topk8 -v2 aes-256-cbc -in rsa-leaf.key -passout "$PASS" -out rsa-leaf.enc.key
openssl rsa -in rsa-leaf.key -aes256 -traditional -passout "$PASS" -out rsa-leaf.legacy-enc.key

# A self-signed ECDSA P-256 certificate, its key in SEC 1 form and encrypted, and an unrelated key.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ec-leaf.key -out ec-leaf.crt \
  -days 30 -subj '/CN=b.aliyun.com' -addext 'subjectAltName=DNS:b.aliyun.com'
openssl ec -in ec-leaf.key -out ec-leaf.sec1.key
openssl pkcs8 -topk8 -v2 aes-256-cbc -in ec-leaf.key -passout "$PASS" -out ec-leaf.enc.key
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec-other.key

# Ed25519, self-signed.
openssl req -x509 -newkey ed25519 -nodes -keyout ed25519.key -out ed25519.crt -days 30 \
  -subj '/CN=c.aliyun.com' -addext 'subjectAltName=DNS:c.aliyun.com'

rm -f leaf.ext rsa-ca.srl
