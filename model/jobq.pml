/*
 * jobq's lease protocol, as a Promela model for spin.
 *
 * One job, two workers (worker 0 runs executors 0 and 1, worker 1 runs executor 2), the
 * broker's queue, the jobs row in PostgreSQL, the submitter and the CLI. Every database
 * statement is one atomic step on the row, with the condition of its WHERE clause; every
 * fault is a step that may happen between any two others, within a budget (MAXF) so that
 * the faults stop and liveness can be asked of what follows. docs/model.md maps each
 * process and step to the C function and SQL statement it stands for.
 *
 * Switches (spin -D...):
 *   BUG_HB_BLOCKS_FENCE  the fence runs in the keeper after its heartbeat returns, with no
 *                        shim: a heartbeat that hangs keeps the handler running
 *   BUG_ATTEMPT_FENCE    writes are fenced on (worker, attempt), which goes back on retry
 *   BUG_ACK_FAILED_FINISH  the delivery is acked when the outcome did not commit
 *   BUG_NO_FENCE         the finish is fenced on nothing but status = 'running'
 *   NO_A1  drop assumption A1: the fence acts before the database's lease expires
 *   NO_A2  drop assumption A2: a live worker's liveness lock is never free (its keeper's
 *          session may then be lost on its own, the worker still running)
 *   NO_A3  drop assumption A3: a crashed worker's commands die with it (the shim's
 *          parent-death signal lands before the job can be taken over)
 *   MAXF   how many faults may happen in one run (default 2)
 */

#ifndef MAXF
#define MAXF 2
#endif
#define MAXATT 2	/* max_attempts */
#define MAXMSG 2	/* copies of the job's message the model keeps apart (docs/model.md) */
#define NW 2
#define NE 3
#define WOF(e) ((e) < 2 -> 0 : 1)

/* jobs.status */
#define NEW 0
#define QUEUED 1
#define SCHEDULED 2
#define RUNNING 3
#define SUCCEEDED 4
#define FAILED 5
#define CANCELLED 6
#define TERMINAL(s) ((s) >= SUCCEEDED)

/* outcomes an executor writes */
#define O_NONE 0
#define O_SUCC 1
#define O_FAIL 2
#define O_RETRY 3
#define O_CANCEL 4
#define O_RELEASE 5

/* what a statement's caller sees */
#define R_OK 1
#define R_NO 2	/* no row matched: JOBQ_ECONFLICT, or JOBQ_ELOST for a finish */
#define R_ERR 3	/* an error: nothing committed, or the reply of a commit was lost */

/* reconcile's actions (common/reconcile.c) */
#define A_ACK 1
#define A_CANCEL 2
#define A_CLAIM 3
#define A_RESUME 4
#define A_ADOPT 5
#define A_TAKEOVER 6
#define A_PROBE 7

/*
 * The lease token. Every transition that must refuse an earlier holder's writes gives the
 * row a token it never had (lease_token + 1); the actors keep copies, and the only question
 * ever asked of a copy is whether it equals the row's token now. So the model keeps, for
 * each copy, one bit: set while the copy equals the row's token. A new token clears them
 * all. Copies: an execution's claim (bit e), the token a heartbeat in flight listed for it
 * (3 + e), the token its reconcile read (6 + e), the relay's publish (9), the submitter's
 * (10), jobq retry's (11).
 */
#define B_EXEC(e) (e)
#define B_HB(e) (3 + (e))
#define B_READ(e) (6 + (e))
#define B_RELAY 9
#define B_SUBMIT 10
#define B_RETRY 11
#define CUR(b) ((cur >> (b)) & 1)
#define TAKE(b) cur = cur | (1 << (b))
#define DROP(b) cur = cur & ~(1 << (b))

/* ---- the jobs row ------------------------------------------------------------------- */
byte st = NEW;
byte owner;		/* worker_id: worker + 1; 0 is NULL (kept 0 unless running) */
byte att;		/* attempt */
short cur;		/* the copies of lease_token that equal it (see above) */
byte cid;		/* claim_id: e + 1 while it is the id executor e sent last, else 0 */
bool creq;		/* cancel_requested_at IS NOT NULL */
bool pub;		/* published_at IS NOT NULL */
bool grace;		/* publish_after > now() */
bool due = true;	/* run_after <= now() */
bool expired;		/* lease_expires_at < now() */
byte terms;		/* transitions into a terminal status */
byte runs = 1;		/* submissions and retries: the terminal transitions allowed */

/* ---- the broker ----------------------------------------------------------------------- */
byte ready;		/* copies of the job's message in the queue */
byte bgen[NW];		/* each worker's broker connection; a new one on every loss */

/* ---- workers -------------------------------------------------------------------------- */
bool alive[NW];
bool paused[NW];
bool lock[NW];		/* the keeper's session holds the worker's liveness lock */
bool fanout[NW];	/* a cancel broadcast waits for the worker's I/O thread */
bool hb[NW];		/* a heartbeat is in flight */

/* ---- executions (one per executor slot) ----------------------------------------------- */
bool eact[NE];		/* slot reserved for a delivery */
bool edl[NE];		/* holds an unacked delivery ... */
byte edg[NE];		/* ... of this connection */
bool estart[NE];	/* the claim's reply came: the execution runs or writes its outcome */
bool etok[NE];		/* a claim of it committed (its token is bit B_EXEC(e) of cur) */
byte eatt[NE];		/* attempt of its claim */
bool eph[NE];		/* its lease's fence point has passed */
bool elost[NE];		/* fenced: writes nothing more */
bool ecan[NE];		/* cancel seen */
bool hlive[NE];		/* its command runs */
bool eccr[NE];		/* a cancel was recorded when its claim committed */
bool ekill[NE];		/* its process crashed: start over */
bool hbt[NE];		/* the heartbeat in flight lists it */

byte faults;
bool released;		/* a release at shutdown happened (one per run) */
#ifdef BUG_ATTEMPT_FENCE
byte maxfatt;		/* the largest attempt a lease was granted with */
#endif
#ifdef NO_A3
bool orphan[NE];	/* a crashed worker's command still runs */
#endif

/* jobq retry: reopening a finished job is a check of its own (it doubles a job's life) */
#ifdef WITH_RETRY
#define RETRY true
#else
#define RETRY false
#endif
/* a second executor in worker 0 (needed where two executions of one worker id meet) */
#ifndef EXECS0
#define EXECS0 1
#endif

/* Each assertion carries its property's number, which pan prints with a violation. */
#define TAG(n) ((n) > 0)

/* Commands that never end by themselves (the cancel check): only a stop ends them. */
#ifdef FOREVER
#define ENDS(e) (!hlive[e])
#else
#define ENDS(e) true
#endif

/* Mutants of single conditions, each of which a check must catch (scripts/model-check). */
#ifdef MUT_CLAIM_IGNORES_CANCEL
#undef MUT_CLAIM_IGNORES_CANCEL
#define MUT_CLAIM_IGNORES_CANCEL true
#else
#define MUT_CLAIM_IGNORES_CANCEL false
#endif
#ifdef MUT_CANCEL_ANY
#define CANCEL_UNSTARTED_COND (st != NEW)
#else
#define CANCEL_UNSTARTED_COND (st == QUEUED || st == SCHEDULED)
#endif

#ifdef BUG_CANCEL_IGNORED
#undef BUG_CANCEL_IGNORED
#define BUG_CANCEL_IGNORED true
#else
#define BUG_CANCEL_IGNORED false
#endif
#ifdef MUT_NO_REAPER
#undef MUT_NO_REAPER
#define MUT_NO_REAPER true
#else
#define MUT_NO_REAPER false
#endif

#define RUN(w) (alive[w] && !paused[w])
/* an execution of worker w runs the job (a cancel broadcast would find it) */
#define RUNS_HERE(w) ((WOF(0) == w && eact[0]) || (WOF(1) == w && eact[1]) || (WOF(2) == w && eact[2]))
#define FAULT (faults < MAXF)
#define SAT_INC(v) v = ((v) < MAXMSG -> (v) + 1 : (v))

/* The fence of the writes. */
#if defined(BUG_NO_FENCE)
#define FIN_COND(e, w) (st == RUNNING)
#elif defined(BUG_ATTEMPT_FENCE)
#define FIN_COND(e, w) (st == RUNNING && owner == (w) + 1 && att == eatt[e])
#else
#define FIN_COND(e, w) (st == RUNNING && owner == (w) + 1 && CUR(B_EXEC(e)))
#endif
#if defined(BUG_ATTEMPT_FENCE)
#define HB_COND(e, w) (st == RUNNING && owner == (w) + 1 && att == eatt[e])
#else
#define HB_COND(e, w) (st == RUNNING && owner == (w) + 1 && CUR(B_HB(e)))
#endif

/* Whether anything can still stop execution e's command once its fence point passed. */
#if defined(BUG_HB_BLOCKS_FENCE)
#define FENCE_CAN(e) (RUN(WOF(e)) && !hb[WOF(e)])
#else
#define FENCE_CAN(e) (alive[WOF(e)])	/* the shim watches the shared fence page */
#endif

/* ---- properties ----------------------------------------------------------------------- */
/* An execution that may still write, and whose writes would commit now. */
#define WLIVE(e) (eact[e] && estart[e] && !elost[e] && alive[WOF(e)])
#define CAN(e) (WLIVE(e) && FIN_COND(e, WOF(e)))
/* P1: never two live executions of the job whose writes can both commit. */
#define P1 (!((CAN(0) && CAN(1)) || (CAN(0) && CAN(2)) || (CAN(1) && CAN(2))))
/* P_own: never two commands of the job running at once. */
#ifdef NO_A3
#define LIVE(e) (hlive[e] || orphan[e])
#else
#define LIVE(e) hlive[e]
#endif
#define POWN (!((LIVE(0) && LIVE(1)) || (LIVE(0) && LIVE(2)) || (LIVE(1) && LIVE(2))))
/* P3, asserted at every ack: no ack before the commit of the state it reports (an
 * execution that is not fenced acks only once the row no longer carries its lease). */
#define P3(e) (elost[e] || !(st == RUNNING && etok[e] && CUR(B_EXEC(e))))

#ifndef LIVENESS	/* the invariants need no watching while a liveness check runs */
/* A job short of a terminal state when nothing else can move any more is stuck (P2's
 * liveness half, checked in every run with faults, and again after a retry). */
active proctype watcher()
{
end:
	do
	:: timeout -> assert(TAG(105) && TERMINAL(st))
	od
}

active proctype monitor()
{
end:
	do
	:: atomic { !P1 -> assert(TAG(101) && P1) }
#ifdef CHECK_OWN
	:: atomic { !POWN -> assert(TAG(107) && POWN) }
#endif
	od
}
#endif

/* ---- the database: each statement one atomic step ------------------------------------- */
/* A row leaving 'running': what only a running row uses is cleared. */
inline not_running()
{
	owner = 0; cid = 0; expired = false
}

inline terminal()
{
	terms++;
	assert(TAG(102) && terms <= runs);	/* P2: one terminal transition per submission or retry */
	not_running(); att = 0; pub = false; grace = false; creq = false
}

inline new_token()
{
	cur = 0
}

/* A lease given back after its owner was lost: the reaper (jobq_store_reap) and a
 * restarted worker's requeue (jobq_store_requeue_own), SQL_LEASE_BACK. */
inline lease_back()
{
	new_token();
	if
	:: creq -> st = CANCELLED; terminal()
	:: !creq && att >= MAXATT -> st = FAILED; terminal()
	:: else -> st = QUEUED; not_running(); pub = false; grace = false
	fi
}

/* A lease granted to execution e (a claim, a takeover). P6: its fencing token is one no
 * execution holds; with the attempt as the token, one no lease had before. */
inline grant(e, w)
{
#ifndef MUT_SAME_TOKEN
	new_token();
#endif
	assert(TAG(106) && (cur & 7) == 0);
	st = RUNNING; owner = w + 1; att++; cid = e + 1; expired = false;
	pub = true; grace = false;
	etok[e] = true; TAKE(B_EXEC(e)); eatt[e] = att; eph[e] = false; eccr[e] = creq;
#if defined(BUG_ATTEMPT_FENCE) && !defined(NO_P6)
	assert(TAG(106) && att > maxfatt);
	maxfatt = att
#endif
}

/* jobq_store_write_many's claim: a queued, due row with no cancel request. */
inline db_claim(e, w, r)
{
	if
	:: st == QUEUED && (!creq || MUT_CLAIM_IGNORES_CANCEL) && due -> grant(e, w); r = R_OK
	:: else -> r = R_NO
	fi
}

/* SQL_TAKEOVER: the owner and token the decision read, and (unless its session is gone)
 * an expired lease. A cancel pending or the attempts used up end the job instead. */
inline db_takeover(e, w, pw, dead, r)
{
	if
	:: st == RUNNING && owner == pw && CUR(B_READ(e)) && (dead || expired) ->
		if
		:: creq -> new_token(); st = CANCELLED; terminal(); r = R_NO
		:: !creq && att >= MAXATT -> new_token(); st = FAILED; terminal(); r = R_NO
		:: else -> grant(e, w); r = R_OK
		fi
	:: else -> r = R_NO
	fi
}

/* jobq_store_write_many's finish. */
inline db_finish(e, w, o, r)
{
	if
	:: FIN_COND(e, w) ->
		new_token();
		if
		:: o == O_SUCC -> st = SUCCEEDED; terminal()
		:: o == O_FAIL -> st = FAILED; terminal()
		:: o == O_CANCEL -> st = CANCELLED; terminal()
		:: o == O_RETRY -> st = SCHEDULED; not_running(); pub = false; due = false
		:: o == O_RELEASE -> st = QUEUED; not_running(); att--; pub = false; grace = true
		fi;
		r = R_OK
	:: else -> r = R_NO
	fi
}

/* jobq_store_cancel_unstarted */
inline db_cancel_unstarted(r)
{
	if
	:: CANCEL_UNSTARTED_COND -> st = CANCELLED; terminal(); r = R_OK
	:: else -> r = R_NO
	fi
}

/* jobq_store_claimed: our claim, whose reply was lost, is still the row's. */
inline db_claimed(e, w, r)
{
	if
	:: st == RUNNING && owner == w + 1 && cid == e + 1 -> r = R_OK
	:: else -> r = R_NO
	fi
}

/* A statement of an executor's session, with its faults: it commits and the reply comes;
 * it commits and the reply is lost; it does not commit. Used inside an atomic step that
 * also takes the decision on the reply (local to the executor). */
#define DBX(stmt)                                                                          \
	if                                                                                 \
	:: stmt                                                                            \
	:: FAULT -> faults++; stmt; r = R_ERR                                             \
	:: FAULT -> faults++; r = R_ERR                                                   \
	fi

/* ---- the executor's helpers ------------------------------------------------------------ */
inline free_slot(e)
{
	eact[e] = false; estart[e] = false; etok[e] = false; eatt[e] = 0; eph[e] = false;
	elost[e] = false; ecan[e] = false; hlive[e] = false; eccr[e] = false; hbt[e] = false;
	DROP(B_EXEC(e)); DROP(B_HB(e)); DROP(B_READ(e));
	fanout[WOF(e)] = fanout[WOF(e)] && RUNS_HERE(WOF(e))
}

/* execution_stop(STOP_LOST): the command's group is killed at once. */
inline lose(e)
{
	elost[e] = true; hlive[e] = false; eph[e] = true
}

/* consumer_settle: ack or nack a delivery; a delivery of a connection that is gone is
 * given back by the broker already. Then unreserve(). (The ack goes out at once after
 * the decision: a connection lost in between is the same as one lost just after.) */
inline settle(e, w, nack)
{
	assert(TAG(103) && (nack || P3(e)));
	if
	:: edl[e] && edg[e] == bgen[w] && nack -> SAT_INC(ready)
	:: else -> skip
	fi;
	edl[e] = false;
	free_slot(e)
}

/* write_next_claim_id: a claim id never sent before. The model keeps only whether the row's
 * claim id is the one executor e sent last: a new one makes the row's stale. */
inline new_cid(e)
{
	if
	:: cid == e + 1 -> cid = 0
	:: else -> skip
	fi
}

/* started() and the start of run(): the claim's reply came. */
inline start(e)
{
	estart[e] = true;
	if
	:: eph[e] -> lose(e)	/* the reply came after the fence point */
	:: else -> skip
	fi;
	assert(TAG(104) && !eccr[e]);	/* P4: no run of a job cancelled before its claim */
	hlive[e] = !elost[e] && !ecan[e]
}

/* ---- the executor: process(), write_claim(), reconcile(), run() ------------------------ */
/* After a claim, a takeover or a resume: run it, look again, or on an error send it again
 * (exec_db_run) or give the delivery back (requeue later). */
#define AFTER_CLAIM(again)                                                                 \
	if                                                                                 \
	:: r == R_OK -> start(e); goto running                                             \
	:: r == R_NO -> goto next                                                          \
	:: r == R_ERR -> goto again                                                        \
	fi

proctype executor(byte e; byte w)
{
	byte r, o, rnd, act, rown;
	bool dead, found;

end_again:
	{
		/* a delivery, and its claim (process, claim) */
		atomic { RUN(w) && ready > 0 && !eact[e] -> ready--; edl[e] = true; edg[e] = bgen[w];
			 eact[e] = true; new_cid(e); DBX(db_claim(e, w, r)); AFTER_CLAIM(claim_err) }
	claim_err:
		atomic { RUN(w) ->
			if
			:: DBX(db_claim(e, w, r)); AFTER_CLAIM(claim_err)
			:: settle(e, w, true); goto done	/* claim_failed: requeue later */
			fi }
	next:
		/* reconcile: jobq_store_job_row, and jobq_reconcile on what it read */
		atomic { RUN(w) ->
			DROP(B_READ(e)); rown = 0; dead = false; act = 0; r = 0;
			if
			:: rnd >= 3 -> settle(e, w, true); goto done	/* still moving: requeue later */
			:: else -> rnd++
			fi;
			rown = owner; TAKE(B_READ(e));
			if
			:: TERMINAL(st) -> act = A_ACK
			:: st == QUEUED || st == SCHEDULED ->
				if
				:: creq -> act = A_CANCEL
				:: !creq && st == QUEUED && due -> act = A_CLAIM
				:: else -> act = A_ACK
				fi
			:: st == RUNNING && owner == w + 1 && cid == e + 1 -> act = A_RESUME
			:: st == RUNNING && owner == w + 1 && cid != e + 1 -> act = A_ADOPT
			:: st == RUNNING && owner != w + 1 && expired -> act = A_TAKEOVER
			:: st == RUNNING && owner != w + 1 && !expired -> act = A_PROBE
			fi;
			if
			:: act == A_ACK -> settle(e, w, false); goto done
			:: act == A_ADOPT ->
				/* adopt(): another execution of this process runs it */
				found = false;
				if
				:: e != 0 && eact[0] && WOF(0) == w -> found = true;
					if
					:: edg[e] > edg[0] -> edg[0] = edg[e]; edl[0] = edl[e]; edl[e] = false
					:: else -> skip
					fi
				:: e != 1 && eact[1] && WOF(1) == w -> found = true;
					if
					:: edg[e] > edg[1] -> edg[1] = edg[e]; edl[1] = edl[e]; edl[e] = false
					:: else -> skip
					fi
				:: else -> skip
				fi;
				if
				:: found -> settle(e, w, false); goto done
				:: else -> dead = true; act = A_TAKEOVER	/* a previous process's */
				fi
			:: act == A_TAKEOVER || act == A_PROBE -> skip
			:: else -> DROP(B_READ(e)); rown = 0
			fi }
		atomic { RUN(w) ->
			if
			:: act == A_CANCEL ->	/* jobq_store_cancel_unstarted */
				DBX(db_cancel_unstarted(r));
				if
				:: r == R_OK -> settle(e, w, false); goto done
				:: r == R_NO -> goto next
				:: r == R_ERR -> settle(e, w, true); goto done
				fi
			:: act == A_CLAIM -> new_cid(e); DBX(db_claim(e, w, r)); AFTER_CLAIM(reclaim)
			:: act == A_RESUME ->	/* our claim committed, its reply was lost */
				DBX(db_claimed(e, w, r));
				if
				:: r == R_ERR -> settle(e, w, true); goto done
				:: else -> AFTER_CLAIM(next)
				fi
			:: act == A_TAKEOVER -> new_cid(e); DBX(db_takeover(e, w, rown, dead, r));
				AFTER_CLAIM(retake)
			:: act == A_PROBE ->	/* jobq_store_worker_dead: is the owner's lock held? */
				dead = !lock[rown - 1];
				if
				:: !dead -> settle(e, w, false); goto done	/* owner alive: a duplicate */
				:: else -> act = A_TAKEOVER
				fi
			fi }
		atomic { RUN(w) -> new_cid(e); DBX(db_takeover(e, w, rown, dead, r)); AFTER_CLAIM(retake) }
	reclaim:
		atomic { RUN(w) ->
			if
			:: DBX(db_claim(e, w, r)); AFTER_CLAIM(reclaim)
			:: settle(e, w, true); goto done
			fi }
	retake:
		atomic { RUN(w) ->
			if
			:: DBX(db_takeover(e, w, rown, dead, r)); AFTER_CLAIM(retake)
			:: settle(e, w, true); goto done
			fi }
	running:
		/* The command runs; it ends by itself, or the fence, a cancel or a crash stops it.
		 * Then the outcome is written, fenced (write_finish_retrying). */
		atomic {
			RUN(w) && ENDS(e) ->
			DROP(B_READ(e)); rown = 0; dead = false; act = 0; r = 0; rnd = 0;
			hlive[e] = false;
			if
			:: elost[e] -> settle(e, w, false); goto done	/* abandoned: lease lost */
			:: !elost[e] && ecan[e] -> o = O_CANCEL
			:: !elost[e] -> o = O_SUCC
			:: !elost[e] && !ecan[e] -> o = (eatt[e] >= MAXATT -> O_FAIL : O_RETRY)
#ifndef LEAN	/* the heavy checks leave out a permanent failure and the release */
			:: !elost[e] && !ecan[e] -> o = O_FAIL	/* HANDLER_PERMANENT */
			:: !elost[e] && !ecan[e] && !released -> o = O_RELEASE; released = true
#endif
			fi
		}
	finish:
		atomic {
			RUN(w) ->
			DBX(db_finish(e, w, o, r));
			if
			:: r == R_OK -> settle(e, w, o == O_RELEASE)
			:: r == R_NO -> settle(e, w, false)	/* JOBQ_ELOST */
			:: r == R_ERR -> if
				:: goto finish	/* exec_db_run / write_finish_retrying send it again */
#ifdef BUG_ACK_FAILED_FINISH
				:: settle(e, w, false)
#else
				:: settle(e, w, !elost[e])	/* nothing committed: requeue */
#endif
				fi
			fi
		}
	done:
		atomic { o = 0; r = 0; rnd = 0; act = 0; rown = 0; dead = false; found = false;
			 DROP(B_READ(e)) }
	} unless { ekill[e] };
	atomic {
		ekill[e] = false; o = 0; r = 0; rnd = 0; act = 0; rown = 0; dead = false;
		found = false; DROP(B_READ(e))
	};
	goto end_again
}

/* ---- the keeper: heartbeat(), keeper_thread(); the I/O thread's cancel broadcast ------ */
#define HBABLE(e, w) (WOF(e) == w && eact[e] && estart[e] && !elost[e])

inline hb_list(e, w)
{
	if
	:: HBABLE(e, w) -> hbt[e] = true;	/* it lists the token of the execution's claim */
		if :: CUR(B_EXEC(e)) -> TAKE(B_HB(e)) :: else -> DROP(B_HB(e)) fi
	:: else -> skip
	fi
}

/* The heartbeat's UPDATE for execution e, if listed: fenced on the token it listed. */
inline hb_commit(e, w)
{
	if
	:: WOF(e) == w && hbt[e] && HB_COND(e, w) -> expired = false
	:: else -> skip
	fi;
	hbt[e] = false; DROP(B_HB(e))
}

/* The heartbeat's UPDATE, and its reply for execution e: a renewed lease moves the fence
 * point; a lease the row no longer carries is lost; a cancel request stops the command.
 * (While e is listed its claim is the one listed: free_slot unlists it.) */
inline renew(e, w)
{
	if
	:: WOF(e) == w && hbt[e] && HB_COND(e, w) ->
		expired = false; eph[e] = false;
		if :: creq && !BUG_CANCEL_IGNORED -> ecan[e] = true; hlive[e] = false :: else -> skip fi
	:: WOF(e) == w && hbt[e] && !HB_COND(e, w) -> lose(e)
	:: else -> skip
	fi;
	hbt[e] = false; DROP(B_HB(e))
}

#ifdef BUG_HB_BLOCKS_FENCE
/* The fence as the keeper ran it: only between heartbeats. */
inline keeper_fence(e, w)
{
	if
	:: WOF(e) == w && eact[e] && estart[e] && !elost[e] && eph[e] -> lose(e)
	:: else -> skip
	fi
}
#endif

inline cancel_here(e, w)
{
	if :: WOF(e) == w && eact[e] && !BUG_CANCEL_IGNORED -> ecan[e] = true; hlive[e] = false
	   :: else -> skip fi
}

/* A heartbeat: jobq_store_heartbeat's one statement and its reply. Sent and answered in
 * one step, but in the variant whose fence waits for it: what it lists cannot change
 * meanwhile (free_slot unlists), and a reply that comes late is one lost (a fault) or a
 * fence point that passed (which may happen at any time). */
#define HB_ANY(w) (HBABLE(0, w) || HBABLE(1, w) || HBABLE(2, w))
proctype keeper(byte w)
{
end:
	do
#ifdef BUG_HB_BLOCKS_FENCE
	:: atomic { RUN(w) && lock[w] && !hb[w] && HB_ANY(w) ->
		hb[w] = true; hb_list(0, w); hb_list(1, w); hb_list(2, w) }
	:: atomic { RUN(w) && hb[w] -> renew(0, w); renew(1, w); renew(2, w); hb[w] = false }
	:: atomic { RUN(w) && !hb[w] -> keeper_fence(0, w); keeper_fence(1, w); keeper_fence(2, w) }
#else
	:: atomic { RUN(w) && lock[w] && HB_ANY(w) ->
		hb_list(0, w); hb_list(1, w); hb_list(2, w);
		if
		:: renew(0, w); renew(1, w); renew(2, w)
		:: FAULT -> faults++;	/* it commits, the reply is lost */
			hb_commit(0, w); hb_commit(1, w); hb_commit(2, w)
		:: FAULT -> faults++;	/* it does not commit */
			hb_commit(0, 9); hb_commit(1, 9); hb_commit(2, 9)
		fi }
#endif
#ifdef NO_A2
	:: atomic { alive[w] && lock[w] && FAULT -> faults++; lock[w] = false;	/* session lost */
		hb_commit(0, 9); hb_commit(1, 9); hb_commit(2, 9); hb[w] = false }
#endif
	:: atomic { RUN(w) && !lock[w] -> lock[w] = true }	/* ensure_session: register again */
	:: atomic { RUN(w) && fanout[w] -> fanout[w] = false;	/* handle_cancel */
		cancel_here(0, w); cancel_here(1, w); cancel_here(2, w) }
	od
}

/* ---- the fence (fence_thread, the shim's fence page) and time ------------------------- */
/* Execution e's lease runs out: its fence point passes (any time after the last renewal:
 * heartbeats may be slow or fail without a fault), then the database's lease expires. A1:
 * the fence acts in between, so the row's lease expires only once the command is dead or
 * nothing can stop it any more (a variant's blocked fence). */
proctype lease(byte e)
{
end:
	do
	:: atomic { eact[e] && etok[e] && !eph[e] -> eph[e] = true }
#ifndef BUG_HB_BLOCKS_FENCE
	:: atomic { RUN(WOF(e)) && eact[e] && estart[e] && !elost[e] && eph[e] -> lose(e) }
	:: atomic { alive[WOF(e)] && hlive[e] && eph[e] -> hlive[e] = false }	/* shim */
#endif
	od
}

/* The row's lease expires once no execution holding it is short of its expiry; then
 * publish_after and run_after come. */
#ifdef NO_A1
#define HOLDS(e) (eact[e] && etok[e] && CUR(B_EXEC(e)) && !eph[e])
#else
#define HOLDS(e) (eact[e] && etok[e] && CUR(B_EXEC(e)) && (!eph[e] || (hlive[e] && FENCE_CAN(e))))
#endif
active proctype clock()
{
end:
	do
	:: atomic { st == RUNNING && !expired && !HOLDS(0) && !HOLDS(1) && !HOLDS(2) -> expired = true }
	:: atomic { grace -> grace = false }
	:: atomic { !due -> due = true }
	od
}

/* ---- the broker's side of a publish ---------------------------------------------------- */
/* A publish with confirm: it arrives and is confirmed; it arrives and the confirm is lost;
 * it is lost (never confirmed). */
inline publish(conf)
{
	atomic {
		if
		:: SAT_INC(ready); conf = true
		:: FAULT -> faults++; SAT_INC(ready); conf = false
		:: FAULT -> faults++; conf = false
		fi
	}
}

/* ---- relay and reaper: relay.c ---------------------------------------------------------- */
/* Any live worker's relay and reaper (they share the row's locks: SKIP LOCKED). */
#define ANYRUN (RUN(0) || RUN(1))
active proctype relay()
{
	bool conf;

end:
	do
	:: atomic { ANYRUN && (st == QUEUED || st == SCHEDULED) && !pub && !grace && due ->
			 st = QUEUED; new_token(); TAKE(B_RELAY); grace = true }	/* jobq_store_relay_take */
		publish(conf);
		atomic {
			if						/* jobq_mark_published */
			:: conf && st == QUEUED && !pub && CUR(B_RELAY) -> pub = true; grace = false
			:: else -> skip
			fi;
			DROP(B_RELAY); conf = false
		}
	:: atomic { ANYRUN && st == RUNNING && expired && !MUT_NO_REAPER -> lease_back() }	/* jobq_store_reap */
	od
}

/* ---- the submitter and the CLI ------------------------------------------------------- */
active proctype submitter()
{
	bool conf;

	atomic { st = QUEUED; TAKE(B_SUBMIT); grace = true }	/* jobq_store_submit */
	if
	:: atomic { FAULT -> faults++; DROP(B_SUBMIT) }	/* dies after its insert */
	:: true ->
		publish(conf);
		atomic {
			if					/* jobq_cli_mark_published */
			:: conf && st == QUEUED && !pub && grace && CUR(B_SUBMIT) -> pub = true; grace = false
			:: else -> skip
			fi;
			DROP(B_SUBMIT); conf = false
		}
	fi
}

active proctype cli()
{
	bool conf, cancelled, retried;

end:
	do
	/* jobq_cli_cancel, then the broadcast; a cancel of a finished job changes nothing. The
	 * broadcast matters only to a worker running the job (else: cancel_not_here). */
	:: atomic { !cancelled && st != NEW && !TERMINAL(st) -> cancelled = true;
		if
		:: st == QUEUED || st == SCHEDULED -> st = CANCELLED; terminal()
		:: st == RUNNING -> creq = true
		fi;
		fanout[0] = alive[0] && RUNS_HERE(0); fanout[1] = alive[1] && RUNS_HERE(1) }
	:: atomic { RETRY && !retried && (st == FAILED || st == CANCELLED) -> retried = true;	/* jobq_cli_retry */
		st = QUEUED; att = 0; new_token(); TAKE(B_RETRY); creq = false; pub = false;
		grace = true; due = true; runs++ }
		publish(conf);
		atomic {
			if
			:: conf && st == QUEUED && !pub && grace && CUR(B_RETRY) -> pub = true; grace = false
			:: else -> skip
			fi;
			DROP(B_RETRY); conf = false
		}
	od
}

/* ---- faults ---------------------------------------------------------------------------- */
inline crash_exec(e, w)
{
	if
	:: WOF(e) == w ->
		if
		:: edl[e] && edg[e] == bgen[w] -> SAT_INC(ready)
		:: else -> skip
		fi;
#ifdef NO_A3
		orphan[e] = hlive[e];	/* the command outlives its worker for a while */
#endif
		edl[e] = false; free_slot(e); ekill[e] = true
	:: else -> skip
	fi
}

/* kill -9: the sessions and connections go, the liveness lock is freed, the unacked
 * deliveries go back to the queue; A3: the shims kill the commands at once. */
inline crash(w)
{
	alive[w] = false; paused[w] = false; lock[w] = false; hb[w] = false; fanout[w] = false;
	crash_exec(0, w); crash_exec(1, w); crash_exec(2, w);
	bgen[w]++
}

/* The broker connection lost alone: its unacked deliveries go back to the queue; a new
 * connection (a new generation) takes its place. */
inline conn_lost(w)
{
	if :: WOF(0) == w && edl[0] && edg[0] == bgen[w] -> SAT_INC(ready) :: else -> skip fi;
	if :: WOF(1) == w && edl[1] && edg[1] == bgen[w] -> SAT_INC(ready) :: else -> skip fi;
	if :: WOF(2) == w && edl[2] && edg[2] == bgen[w] -> SAT_INC(ready) :: else -> skip fi;
	bgen[w]++;
	fanout[w] = false
}

active proctype injector()
{
end:
	do
	:: atomic { FAULT && alive[0] -> faults++; crash(0) }
	:: atomic { FAULT && alive[1] -> faults++; crash(1) }
	:: atomic { FAULT && alive[0] && !paused[0] -> faults++; paused[0] = true }
	:: atomic { FAULT && alive[1] && !paused[1] -> faults++; paused[1] = true }
	:: atomic { FAULT && alive[0] -> faults++; conn_lost(0) }
	:: atomic { FAULT && alive[1] -> faults++; conn_lost(1) }
	/* a message delivered again: a duplicate, or one whose ack was lost with its connection */
	:: atomic { FAULT && st != NEW -> faults++; SAT_INC(ready) }
#ifdef NO_A3
	:: atomic { orphan[0] -> orphan[0] = false }
	:: atomic { orphan[1] -> orphan[1] = false }
	:: atomic { orphan[2] -> orphan[2] = false }
#endif
	od
}

/* A crashed worker is started again: its keeper registers, then gives back what the row
 * still lists as its own (jobq_store_requeue_own). A stopped one continues. */
inline restart(w)
{
	alive[w] = true; lock[w] = true;
	if :: st == RUNNING && owner == w + 1 -> lease_back() :: else -> skip fi
}

active proctype restarter()
{
end:
	do
	:: atomic { !alive[0] -> restart(0) }
	:: atomic { !alive[1] -> restart(1) }
	:: atomic { paused[0] -> paused[0] = false }
	:: atomic { paused[1] -> paused[1] = false }
	od
}

init
{
	atomic {
		alive[0] = true; alive[1] = true; lock[0] = true; lock[1] = true;
		run executor(0, 0); run executor(2, 1);
		if :: EXECS0 > 1 -> run executor(1, 0) :: else -> skip fi;
		run keeper(0); run keeper(1);
		run lease(0); run lease(1); run lease(2)
	}
}

/* Liveness, checked with -a -f (weak fairness); the fault budget ends the faults. */
ltl done { <>[] TERMINAL(st) }
ltl cancel_honoured { [] ((creq && st == RUNNING) -> <> (TERMINAL(st) || !creq)) }
