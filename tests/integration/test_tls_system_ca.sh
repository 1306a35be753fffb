#!/usr/bin/env bash
# test_tls_system_ca — amqps:// without amqp.tls_ca verifies the broker against the system's
# CA bundle (configuration.md, "TLS"):
#  - a private CA signs a certificate for "localhost"; socat terminates TLS with it on a
#    loopback port in front of the test's RabbitMQ;
#  - with that CA as the system bundle ($SSL_CERT_FILE, which OpenSSL's default paths
#    honour) and no tls_ca, a worker connects over amqps:// and runs a job submitted over
#    plain amqp:// (the job succeeds);
#  - with a second, unrelated CA as the system bundle (so the bundle loads, and only the
#    broker's certificate fails to verify), the worker refuses the broker: a job for its
#    queue stays queued, and the worker says why (a certificate verification error);
#  - the control: the same worker, same bundle, same queue, with tls_verify = false,
#    connects, runs that very job, and says loudly that it does not verify (a
#    tls_unverified warning). So the negative case above cannot pass with verification
#    off: it tells a verified connection from an unverified one.
# Asserts on the jobs table (and, as the secondary evidence, on two log lines).
source "$(dirname "$0")/lib.sh"
jq_setup tls_system_ca

J="$JOBQ_BIN_DIR/jobq"
PY=/usr/bin/python3
[[ -x $PY ]] || PY=$(command -v python3)
command -v socat >/dev/null || { fail "socat is needed (scripts/deps installs it)"; exit 1; }
port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')

# a CA, and a server certificate for localhost signed by it
(
  cd "$T"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 \
    -subj "/CN=jobq test CA" 2>/dev/null
  # unrelated to the broker's certificate: a valid bundle that does not vouch for it
  openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.pem -days 2 \
    -subj "/CN=jobq other CA" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr \
    -subj "/CN=localhost" 2>/dev/null
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >san.ext
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
    -extfile san.ext -out server.pem 2>/dev/null
  cat server.key server.pem >server-bundle.pem
)
check --fatal "test certificates made" test -s "$T/server-bundle.pem" -a -s "$T/other-ca.pem"
start_proc tls socat "OPENSSL-LISTEN:$port,bind=127.0.0.1,reuseaddr,fork,cert=$T/server-bundle.pem,verify=0" \
  "TCP:127.0.0.1:$JOBQ_TEST_AMQP_PORT"
wait_for 10 "the TLS front answers" bash -c "echo | openssl s_client -connect 127.0.0.1:$port -CAfile $T/ca.pem >/dev/null 2>&1"

check --fatal "migrate" jobq migrate
TLS_URL="amqps://jobq:jobq@localhost:$port/${JOBQ_AMQP_URL##*/}"

# with the CA as the system bundle and no tls_ca: the worker connects and runs a job
start_proc w1 env SSL_CERT_FILE="$T/ca.pem" JOBQ_AMQP_URL="$TLS_URL" \
  "$JOBQ_BIN_DIR/jobq-consumer" --worker-id w1 --concurrency 1
id=$("$J" submit echo '{"over":"tls"}')
wait_for 30 "a worker on amqps:// (system CA bundle, no tls_ca) ran the job" \
  sql_is succeeded "select status from jobs where id='$id'"
check "w1 is still running" is_running w1
stop_consumer w1

# an unrelated CA as the system bundle: the broker is refused (a job for that worker's queue
# stays queued)
check --fatal "migrate --queues tlsneg" jobq migrate --queues tlsneg
start_proc w2 env SSL_CERT_FILE="$T/other-ca.pem" JOBQ_AMQP_URL="$TLS_URL" \
  "$JOBQ_BIN_DIR/jobq-consumer" --worker-id w2 --concurrency 1 --queues tlsneg
id=$("$J" submit echo '{"over":"untrusted tls"}' --queue tlsneg)
wait_for 30 "w2 logged a certificate verification error" \
  grep -q 'event=broker_unavailable.*SSL peer cert verification failed' "$T/w2.log" || true
sleep 5
check_eq "amqps:// with an unrelated CA as the bundle: the worker never gets the job" queued \
  "$(sql "select status from jobs where id='$id'")"
# shellcheck disable=SC2016  # the single quotes are meant: bash -c's script reads its own arguments
check "w2 never connected to the broker" bash -c '! grep -Eq "event=(relay_)?broker_connected" "$1"' _ "$T/w2.log"
stop_consumer w2

# the control: the same, with tls_verify = false, connects and runs that very job (so the
# case above failed on verification, not on anything else), and warns
start_proc w3 env SSL_CERT_FILE="$T/other-ca.pem" JOBQ_AMQP_URL="$TLS_URL" \
  JOBQ_AMQP_TLS_VERIFY=false "$JOBQ_BIN_DIR/jobq-consumer" --worker-id w3 --concurrency 1 \
  --queues tlsneg
wait_for 30 "the same worker with tls_verify = false ran the job left queued above" \
  sql_is succeeded "select status from jobs where id='$id'"
check "... and logged a tls_unverified warning" grep -q 'level=warn.*event=tls_unverified' "$T/w3.log"
stop_consumer w3
