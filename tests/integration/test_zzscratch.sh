source "$(dirname "$0")/lib.sh"
jq_setup scratch
r() { echo "\$ $*"; local rc=0; "$@" || rc=$?; echo "[rc=$rc]"; }
r jobq migrate
start_consumer w1 --worker-id w1 --concurrency 2
r jobq submit echo '{"x":1}' --wait
id=$(jobq submit echo '{"x":2}')
echo "id=[$id]"
r jobq wait $id
r jobq status $id
r jobq status --json $id
r jobq --json status $id
r jobq history $id
r jobq list --json
echo '{"s":1}' | jobq submit echo - --wait
r jobq submit fail '{"message":"boom"}' --max-attempts 2 --wait
sql "select id,status,attempt,error from jobs"
sql "select job_id,from_status,to_status,worker_id,attempt,reason from job_events order by id"
r jobq submit --json echo '{}' --key k1; r jobq submit --json echo '{}' --key k1
