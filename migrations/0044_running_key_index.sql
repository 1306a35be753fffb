-- Running jobs by concurrency key (review R9 finding 3). jobq_limit_busy (0034) counts a
-- key:K scope's running jobs with `status = 'running' AND concurrency_key = v`; no index held
-- running jobs by key, so every count walked jobs_running_lease (all running jobs of the
-- installation) with the key as a filter, and the keyed release, which counts the rooms of
-- the keys it walks (up to 4 x its window's room, 0042), read about (keys walked) x (jobs
-- running) index entries a call: 802,401 in the review's probe (2,001 running jobs). The
-- entries are few (running keyed jobs only); a claim of a keyed job writes one, no other
-- statement writes any (a finish leaves running, and the predicate). The queue:Q and type:T
-- counts stay on jobs_running_lease: there are few such scopes per call.
CREATE INDEX jobs_running_key ON jobs (concurrency_key)
    WHERE status = 'running' AND concurrency_key IS NOT NULL;
