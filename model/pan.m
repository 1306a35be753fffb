#define rand	pan_rand
#define pthread_equal(a,b)	((a)==(b))
#if defined(HAS_CODE) && defined(VERBOSE)
	#ifdef BFS_PAR
		bfs_printf("Pr: %d Tr: %d\n", II, t->forw);
	#else
		cpu_printf("Pr: %d Tr: %d\n", II, t->forw);
	#endif
#endif
	switch (t->forw) {
	default: Uerror("bad forward move");
	case 0:	/* if without executable clauses */
		continue;
	case 1: /* generic 'goto' or 'skip' */
		IfNotBlocked
		_m = 3; goto P999;
	case 2: /* generic 'else' */
		IfNotBlocked
		if (trpt->o_pm&1) continue;
		_m = 3; goto P999;

		 /* CLAIM cancel_honoured */
	case 3: // STATE 1 - _spin_nvr.tmp:14 - [((!(!((creq&&(st==3))))&&!(((st>=4)||!(creq)))))] (0:0:0 - 1)
		
#if defined(VERI) && !defined(NP)
#if NCLAIMS>1
		{	static int reported1 = 0;
			if (verbose && !reported1)
			{	int nn = (int) ((Pclaim *)pptr(0))->_n;
				printf("depth %ld: Claim %s (%d), state %d (line %d)\n",
					depth, procname[spin_c_typ[nn]], nn, (int) ((Pclaim *)pptr(0))->_p, src_claim[ (int) ((Pclaim *)pptr(0))->_p ]);
				reported1 = 1;
				fflush(stdout);
		}	}
#else
		{	static int reported1 = 0;
			if (verbose && !reported1)
			{	printf("depth %d: Claim, state %d (line %d)\n",
					(int) depth, (int) ((Pclaim *)pptr(0))->_p, src_claim[ (int) ((Pclaim *)pptr(0))->_p ]);
				reported1 = 1;
				fflush(stdout);
		}	}
#endif
#endif
		reached[15][1] = 1;
		if (!(( !( !((((int)now.creq)&&(((int)now.st)==3))))&& !(((((int)now.st)>=4)|| !(((int)now.creq)))))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 4: // STATE 8 - _spin_nvr.tmp:19 - [(!(((st>=4)||!(creq))))] (0:0:0 - 1)
		
#if defined(VERI) && !defined(NP)
#if NCLAIMS>1
		{	static int reported8 = 0;
			if (verbose && !reported8)
			{	int nn = (int) ((Pclaim *)pptr(0))->_n;
				printf("depth %ld: Claim %s (%d), state %d (line %d)\n",
					depth, procname[spin_c_typ[nn]], nn, (int) ((Pclaim *)pptr(0))->_p, src_claim[ (int) ((Pclaim *)pptr(0))->_p ]);
				reported8 = 1;
				fflush(stdout);
		}	}
#else
		{	static int reported8 = 0;
			if (verbose && !reported8)
			{	printf("depth %d: Claim, state %d (line %d)\n",
					(int) depth, (int) ((Pclaim *)pptr(0))->_p, src_claim[ (int) ((Pclaim *)pptr(0))->_p ]);
				reported8 = 1;
				fflush(stdout);
		}	}
#endif
#endif
		reached[15][8] = 1;
		if (!( !(((((int)now.st)>=4)|| !(((int)now.creq))))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 5: // STATE 13 - _spin_nvr.tmp:21 - [-end-] (0:0:0 - 1)
		
#if defined(VERI) && !defined(NP)
#if NCLAIMS>1
		{	static int reported13 = 0;
			if (verbose && !reported13)
			{	int nn = (int) ((Pclaim *)pptr(0))->_n;
				printf("depth %ld: Claim %s (%d), state %d (line %d)\n",
					depth, procname[spin_c_typ[nn]], nn, (int) ((Pclaim *)pptr(0))->_p, src_claim[ (int) ((Pclaim *)pptr(0))->_p ]);
				reported13 = 1;
				fflush(stdout);
		}	}
#else
		{	static int reported13 = 0;
			if (verbose && !reported13)
			{	printf("depth %d: Claim, state %d (line %d)\n",
					(int) depth, (int) ((Pclaim *)pptr(0))->_p, src_claim[ (int) ((Pclaim *)pptr(0))->_p ]);
				reported13 = 1;
				fflush(stdout);
		}	}
#endif
#endif
		reached[15][13] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */

		 /* CLAIM done */
	case 6: // STATE 1 - _spin_nvr.tmp:3 - [(!((st>=4)))] (0:0:0 - 1)
		
#if defined(VERI) && !defined(NP)
#if NCLAIMS>1
		{	static int reported1 = 0;
			if (verbose && !reported1)
			{	int nn = (int) ((Pclaim *)pptr(0))->_n;
				printf("depth %ld: Claim %s (%d), state %d (line %d)\n",
					depth, procname[spin_c_typ[nn]], nn, (int) ((Pclaim *)pptr(0))->_p, src_claim[ (int) ((Pclaim *)pptr(0))->_p ]);
				reported1 = 1;
				fflush(stdout);
		}	}
#else
		{	static int reported1 = 0;
			if (verbose && !reported1)
			{	printf("depth %d: Claim, state %d (line %d)\n",
					(int) depth, (int) ((Pclaim *)pptr(0))->_p, src_claim[ (int) ((Pclaim *)pptr(0))->_p ]);
				reported1 = 1;
				fflush(stdout);
		}	}
#endif
#endif
		reached[14][1] = 1;
		if (!( !((((int)now.st)>=4))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 7: // STATE 13 - _spin_nvr.tmp:10 - [-end-] (0:0:0 - 1)
		
#if defined(VERI) && !defined(NP)
#if NCLAIMS>1
		{	static int reported13 = 0;
			if (verbose && !reported13)
			{	int nn = (int) ((Pclaim *)pptr(0))->_n;
				printf("depth %ld: Claim %s (%d), state %d (line %d)\n",
					depth, procname[spin_c_typ[nn]], nn, (int) ((Pclaim *)pptr(0))->_p, src_claim[ (int) ((Pclaim *)pptr(0))->_p ]);
				reported13 = 1;
				fflush(stdout);
		}	}
#else
		{	static int reported13 = 0;
			if (verbose && !reported13)
			{	printf("depth %d: Claim, state %d (line %d)\n",
					(int) depth, (int) ((Pclaim *)pptr(0))->_p, src_claim[ (int) ((Pclaim *)pptr(0))->_p ]);
				reported13 = 1;
				fflush(stdout);
		}	}
#endif
#endif
		reached[14][13] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */

		 /* PROC :init: */
	case 8: // STATE 1 - jobq.pml:769 - [alive[0] = 1] (0:5:4 - 1)
		IfNotBlocked
		reached[13][1] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.alive[0]);
		now.alive[0] = 1;
#ifdef VAR_RANGES
		logval("alive[0]", ((int)now.alive[0]));
#endif
		;
		/* merge: alive[1] = 1(5, 2, 5) */
		reached[13][2] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.alive[1]);
		now.alive[1] = 1;
#ifdef VAR_RANGES
		logval("alive[1]", ((int)now.alive[1]));
#endif
		;
		/* merge: lock[0] = 1(5, 3, 5) */
		reached[13][3] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.lock[0]);
		now.lock[0] = 1;
#ifdef VAR_RANGES
		logval("lock[0]", ((int)now.lock[0]));
#endif
		;
		/* merge: lock[1] = 1(5, 4, 5) */
		reached[13][4] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.lock[1]);
		now.lock[1] = 1;
#ifdef VAR_RANGES
		logval("lock[1]", ((int)now.lock[1]));
#endif
		;
		_m = 3; goto P999; /* 3 */
	case 9: // STATE 5 - jobq.pml:770 - [(run executor(0,0))] (0:0:0 - 1)
		IfNotBlocked
		reached[13][5] = 1;
		if (!(addproc(II, 1, 1, 0, 0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 10: // STATE 6 - jobq.pml:770 - [(run executor(1,0))] (0:0:0 - 1)
		IfNotBlocked
		reached[13][6] = 1;
		if (!(addproc(II, 1, 1, 1, 0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 11: // STATE 7 - jobq.pml:770 - [(run executor(2,1))] (0:0:0 - 1)
		IfNotBlocked
		reached[13][7] = 1;
		if (!(addproc(II, 1, 1, 2, 1)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 12: // STATE 8 - jobq.pml:771 - [(run keeper(0))] (0:0:0 - 1)
		IfNotBlocked
		reached[13][8] = 1;
		if (!(addproc(II, 1, 2, 0, 0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 13: // STATE 9 - jobq.pml:771 - [(run keeper(1))] (0:0:0 - 1)
		IfNotBlocked
		reached[13][9] = 1;
		if (!(addproc(II, 1, 2, 1, 0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 14: // STATE 10 - jobq.pml:772 - [(run relay(0))] (0:0:0 - 1)
		IfNotBlocked
		reached[13][10] = 1;
		if (!(addproc(II, 1, 8, 0, 0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 15: // STATE 11 - jobq.pml:772 - [(run relay(1))] (0:0:0 - 1)
		IfNotBlocked
		reached[13][11] = 1;
		if (!(addproc(II, 1, 8, 1, 0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 16: // STATE 12 - jobq.pml:773 - [(run restarter(0))] (0:0:0 - 1)
		IfNotBlocked
		reached[13][12] = 1;
		if (!(addproc(II, 1, 12, 0, 0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 17: // STATE 13 - jobq.pml:773 - [(run restarter(1))] (0:0:0 - 1)
		IfNotBlocked
		reached[13][13] = 1;
		if (!(addproc(II, 1, 12, 1, 0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 18: // STATE 14 - jobq.pml:774 - [(run lease_clock(0))] (0:0:0 - 1)
		IfNotBlocked
		reached[13][14] = 1;
		if (!(addproc(II, 1, 4, 0, 0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 19: // STATE 15 - jobq.pml:774 - [(run lease_clock(1))] (0:0:0 - 1)
		IfNotBlocked
		reached[13][15] = 1;
		if (!(addproc(II, 1, 4, 1, 0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 20: // STATE 16 - jobq.pml:774 - [(run lease_clock(2))] (0:0:0 - 1)
		IfNotBlocked
		reached[13][16] = 1;
		if (!(addproc(II, 1, 4, 2, 0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 21: // STATE 17 - jobq.pml:776 - [(run fence(0))] (0:0:0 - 1)
		IfNotBlocked
		reached[13][17] = 1;
		if (!(addproc(II, 1, 3, 0, 0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 22: // STATE 18 - jobq.pml:776 - [(run fence(1))] (0:0:0 - 1)
		IfNotBlocked
		reached[13][18] = 1;
		if (!(addproc(II, 1, 3, 1, 0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 23: // STATE 19 - jobq.pml:776 - [(run fence(2))] (0:0:0 - 1)
		IfNotBlocked
		reached[13][19] = 1;
		if (!(addproc(II, 1, 3, 2, 0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 24: // STATE 21 - jobq.pml:779 - [-end-] (0:0:0 - 1)
		IfNotBlocked
		reached[13][21] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */

		 /* PROC restarter */
	case 25: // STATE 1 - jobq.pml:760 - [(!(alive[w]))] (29:0:2 - 1)
		IfNotBlocked
		reached[12][1] = 1;
		if (!( !(((int)now.alive[ Index(((int)((P12 *)_this)->w), 2) ]))))
			continue;
		/* merge: alive[w] = 1(29, 2, 29) */
		reached[12][2] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.alive[ Index(((int)((P12 *)_this)->w), 2) ]);
		now.alive[ Index(((P12 *)_this)->w, 2) ] = 1;
#ifdef VAR_RANGES
		logval("alive[restarter:w]", ((int)now.alive[ Index(((int)((P12 *)_this)->w), 2) ]));
#endif
		;
		/* merge: lock[w] = 1(29, 3, 29) */
		reached[12][3] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lock[ Index(((int)((P12 *)_this)->w), 2) ]);
		now.lock[ Index(((P12 *)_this)->w, 2) ] = 1;
#ifdef VAR_RANGES
		logval("lock[restarter:w]", ((int)now.lock[ Index(((int)((P12 *)_this)->w), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 2 */
	case 26: // STATE 4 - jobq.pml:761 - [(((st==3)&&(owner==(w+1))))] (0:0:0 - 1)
		IfNotBlocked
		reached[12][4] = 1;
		if (!(((((int)now.st)==3)&&(((int)now.owner)==(((int)((P12 *)_this)->w)+1)))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 27: // STATE 5 - jobq.pml:169 - [tok = (tok+1)] (0:24:5 - 1)
		IfNotBlocked
		reached[12][5] = 1;
		(trpt+1)->bup.ovals = grab_ints(5);
		(trpt+1)->bup.ovals[0] = ((int)now.tok);
		now.tok = (((int)now.tok)+1);
#ifdef VAR_RANGES
		logval("tok", ((int)now.tok));
#endif
		;
		/* merge: assert((tok<250))(24, 6, 24) */
		reached[12][6] = 1;
		spin_assert((((int)now.tok)<250), "(tok<250)", II, tt, t);
		/* merge: expired = 0(24, 8, 24) */
		reached[12][8] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.expired);
		now.expired = 0;
#ifdef VAR_RANGES
		logval("expired", ((int)now.expired));
#endif
		;
		/* merge: owner = 0(24, 9, 24) */
		reached[12][9] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.owner);
		now.owner = 0;
#ifdef VAR_RANGES
		logval("owner", ((int)now.owner));
#endif
		;
		/* merge: pub = 0(24, 10, 24) */
		reached[12][10] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.pub);
		now.pub = 0;
#ifdef VAR_RANGES
		logval("pub", ((int)now.pub));
#endif
		;
		/* merge: grace = 0(24, 11, 24) */
		reached[12][11] = 1;
		(trpt+1)->bup.ovals[4] = ((int)now.grace);
		now.grace = 0;
#ifdef VAR_RANGES
		logval("grace", ((int)now.grace));
#endif
		;
		_m = 3; goto P999; /* 5 */
	case 28: // STATE 12 - jobq.pml:183 - [(creq)] (16:0:1 - 1)
		IfNotBlocked
		reached[12][12] = 1;
		if (!(((int)now.creq)))
			continue;
		/* merge: st = 6(0, 13, 16) */
		reached[12][13] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 6;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 29: // STATE 14 - jobq.pml:163 - [terms = (terms+1)] (0:35:1 - 1)
		IfNotBlocked
		reached[12][14] = 1;
		(trpt+1)->bup.oval = ((int)now.terms);
		now.terms = (((int)now.terms)+1);
#ifdef VAR_RANGES
		logval("terms", ((int)now.terms));
#endif
		;
		/* merge: assert((terms<=runs))(35, 15, 35) */
		reached[12][15] = 1;
		spin_assert((((int)now.terms)<=((int)now.runs)), "(terms<=runs)", II, tt, t);
		/* merge: .(goto)(35, 25, 35) */
		reached[12][25] = 1;
		;
		/* merge: .(goto)(35, 30, 35) */
		reached[12][30] = 1;
		;
		/* merge: .(goto)(0, 36, 35) */
		reached[12][36] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 30: // STATE 25 - jobq.pml:187 - [.(goto)] (0:35:0 - 3)
		IfNotBlocked
		reached[12][25] = 1;
		;
		/* merge: .(goto)(35, 30, 35) */
		reached[12][30] = 1;
		;
		/* merge: .(goto)(0, 36, 35) */
		reached[12][36] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 31: // STATE 17 - jobq.pml:184 - [((!(creq)&&(att>=2)))] (21:0:1 - 1)
		IfNotBlocked
		reached[12][17] = 1;
		if (!(( !(((int)now.creq))&&(((int)now.att)>=2))))
			continue;
		/* merge: st = 5(0, 18, 21) */
		reached[12][18] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 5;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 32: // STATE 19 - jobq.pml:163 - [terms = (terms+1)] (0:35:1 - 1)
		IfNotBlocked
		reached[12][19] = 1;
		(trpt+1)->bup.oval = ((int)now.terms);
		now.terms = (((int)now.terms)+1);
#ifdef VAR_RANGES
		logval("terms", ((int)now.terms));
#endif
		;
		/* merge: assert((terms<=runs))(35, 20, 35) */
		reached[12][20] = 1;
		spin_assert((((int)now.terms)<=((int)now.runs)), "(terms<=runs)", II, tt, t);
		/* merge: .(goto)(35, 25, 35) */
		reached[12][25] = 1;
		;
		/* merge: .(goto)(35, 30, 35) */
		reached[12][30] = 1;
		;
		/* merge: .(goto)(0, 36, 35) */
		reached[12][36] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 33: // STATE 23 - jobq.pml:185 - [st = 1] (0:35:1 - 1)
		IfNotBlocked
		reached[12][23] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 1;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		/* merge: .(goto)(35, 25, 35) */
		reached[12][25] = 1;
		;
		/* merge: .(goto)(35, 30, 35) */
		reached[12][30] = 1;
		;
		/* merge: .(goto)(0, 36, 35) */
		reached[12][36] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 34: // STATE 30 - jobq.pml:761 - [.(goto)] (0:35:0 - 2)
		IfNotBlocked
		reached[12][30] = 1;
		;
		/* merge: .(goto)(0, 36, 35) */
		reached[12][36] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 35: // STATE 28 - jobq.pml:761 - [(1)] (35:0:0 - 1)
		IfNotBlocked
		reached[12][28] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(35, 30, 35) */
		reached[12][30] = 1;
		;
		/* merge: .(goto)(0, 36, 35) */
		reached[12][36] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 36: // STATE 32 - jobq.pml:762 - [(paused[w])] (35:0:1 - 1)
		IfNotBlocked
		reached[12][32] = 1;
		if (!(((int)now.paused[ Index(((int)((P12 *)_this)->w), 2) ])))
			continue;
		/* merge: paused[w] = 0(0, 33, 35) */
		reached[12][33] = 1;
		(trpt+1)->bup.oval = ((int)now.paused[ Index(((int)((P12 *)_this)->w), 2) ]);
		now.paused[ Index(((P12 *)_this)->w, 2) ] = 0;
#ifdef VAR_RANGES
		logval("paused[restarter:w]", ((int)now.paused[ Index(((int)((P12 *)_this)->w), 2) ]));
#endif
		;
		/* merge: .(goto)(0, 36, 35) */
		reached[12][36] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 37: // STATE 38 - jobq.pml:764 - [-end-] (0:0:0 - 1)
		IfNotBlocked
		reached[12][38] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */

		 /* PROC injector */
	case 38: // STATE 1 - jobq.pml:745 - [(((faults<2)&&alive[0]))] (90:0:1 - 1)
		IfNotBlocked
		reached[11][1] = 1;
		if (!(((((int)now.faults)<2)&&((int)now.alive[0]))))
			continue;
		/* merge: faults = (faults+1)(0, 2, 90) */
		reached[11][2] = 1;
		(trpt+1)->bup.oval = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 39: // STATE 3 - jobq.pml:315 - [alive[0] = 0] (0:34:5 - 1)
		IfNotBlocked
		reached[11][3] = 1;
		(trpt+1)->bup.ovals = grab_ints(5);
		(trpt+1)->bup.ovals[0] = ((int)now.alive[0]);
		now.alive[0] = 0;
#ifdef VAR_RANGES
		logval("alive[0]", ((int)now.alive[0]));
#endif
		;
		/* merge: paused[0] = 0(34, 4, 34) */
		reached[11][4] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.paused[0]);
		now.paused[0] = 0;
#ifdef VAR_RANGES
		logval("paused[0]", ((int)now.paused[0]));
#endif
		;
		/* merge: lock[0] = 0(34, 5, 34) */
		reached[11][5] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.lock[0]);
		now.lock[0] = 0;
#ifdef VAR_RANGES
		logval("lock[0]", ((int)now.lock[0]));
#endif
		;
		/* merge: hb[0] = 0(34, 6, 34) */
		reached[11][6] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.hb[0]);
		now.hb[0] = 0;
#ifdef VAR_RANGES
		logval("hb[0]", ((int)now.hb[0]));
#endif
		;
		/* merge: fanout[0] = 0(34, 7, 34) */
		reached[11][7] = 1;
		(trpt+1)->bup.ovals[4] = ((int)now.fanout[0]);
		now.fanout[0] = 0;
#ifdef VAR_RANGES
		logval("fanout[0]", ((int)now.fanout[0]));
#endif
		;
		_m = 3; goto P999; /* 4 */
	case 40: // STATE 8 - jobq.pml:297 - [((( ((0<2)) -> (0) : (1) )==0))] (0:0:0 - 1)
		IfNotBlocked
		reached[11][8] = 1;
		if (!((( ((0<2)) ? (0) : (1) )==0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 41: // STATE 9 - jobq.pml:299 - [((edl[0]&&(edg[0]==bgen[0])))] (28:0:2 - 1)
		IfNotBlocked
		reached[11][9] = 1;
		if (!((((int)now.edl[0])&&(((int)now.edg[0])==((int)now.bgen[0])))))
			continue;
		/* merge: ready = ( ((ready<2)) -> ((ready+1)) : (ready) )(28, 10, 28) */
		reached[11][10] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		/* merge: .(goto)(28, 14, 28) */
		reached[11][14] = 1;
		;
		/* merge: edl[0] = 0(28, 15, 28) */
		reached[11][15] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.edl[0]);
		now.edl[0] = 0;
#ifdef VAR_RANGES
		logval("edl[0]", ((int)now.edl[0]));
#endif
		;
		_m = 3; goto P999; /* 3 */
	case 42: // STATE 12 - jobq.pml:300 - [(1)] (28:0:1 - 1)
		IfNotBlocked
		reached[11][12] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(28, 14, 28) */
		reached[11][14] = 1;
		;
		/* merge: edl[0] = 0(28, 15, 28) */
		reached[11][15] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[0]);
		now.edl[0] = 0;
#ifdef VAR_RANGES
		logval("edl[0]", ((int)now.edl[0]));
#endif
		;
		_m = 3; goto P999; /* 2 */
	case 43: // STATE 15 - jobq.pml:306 - [edl[0] = 0] (0:28:1 - 3)
		IfNotBlocked
		reached[11][15] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[0]);
		now.edl[0] = 0;
#ifdef VAR_RANGES
		logval("edl[0]", ((int)now.edl[0]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 44: // STATE 16 - jobq.pml:250 - [eact[0] = 0] (0:61:13 - 1)
		IfNotBlocked
		reached[11][16] = 1;
		(trpt+1)->bup.ovals = grab_ints(13);
		(trpt+1)->bup.ovals[0] = ((int)now.eact[0]);
		now.eact[0] = 0;
#ifdef VAR_RANGES
		logval("eact[0]", ((int)now.eact[0]));
#endif
		;
		/* merge: estart[0] = 0(61, 17, 61) */
		reached[11][17] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.estart[0]);
		now.estart[0] = 0;
#ifdef VAR_RANGES
		logval("estart[0]", ((int)now.estart[0]));
#endif
		;
		/* merge: etok[0] = 0(61, 18, 61) */
		reached[11][18] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.etok[0]);
		now.etok[0] = 0;
#ifdef VAR_RANGES
		logval("etok[0]", ((int)now.etok[0]));
#endif
		;
		/* merge: eatt[0] = 0(61, 19, 61) */
		reached[11][19] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.eatt[0]);
		now.eatt[0] = 0;
#ifdef VAR_RANGES
		logval("eatt[0]", ((int)now.eatt[0]));
#endif
		;
		/* merge: ecid[0] = 0(61, 20, 61) */
		reached[11][20] = 1;
		(trpt+1)->bup.ovals[4] = ((int)now.ecid[0]);
		now.ecid[0] = 0;
#ifdef VAR_RANGES
		logval("ecid[0]", ((int)now.ecid[0]));
#endif
		;
		/* merge: eph[0] = 0(61, 21, 61) */
		reached[11][21] = 1;
		(trpt+1)->bup.ovals[5] = ((int)now.eph[0]);
		now.eph[0] = 0;
#ifdef VAR_RANGES
		logval("eph[0]", ((int)now.eph[0]));
#endif
		;
		/* merge: elost[0] = 0(61, 22, 61) */
		reached[11][22] = 1;
		(trpt+1)->bup.ovals[6] = ((int)now.elost[0]);
		now.elost[0] = 0;
#ifdef VAR_RANGES
		logval("elost[0]", ((int)now.elost[0]));
#endif
		;
		/* merge: ecan[0] = 0(61, 23, 61) */
		reached[11][23] = 1;
		(trpt+1)->bup.ovals[7] = ((int)now.ecan[0]);
		now.ecan[0] = 0;
#ifdef VAR_RANGES
		logval("ecan[0]", ((int)now.ecan[0]));
#endif
		;
		/* merge: hlive[0] = 0(61, 24, 61) */
		reached[11][24] = 1;
		(trpt+1)->bup.ovals[8] = ((int)now.hlive[0]);
		now.hlive[0] = 0;
#ifdef VAR_RANGES
		logval("hlive[0]", ((int)now.hlive[0]));
#endif
		;
		/* merge: eccr[0] = 0(61, 25, 61) */
		reached[11][25] = 1;
		(trpt+1)->bup.ovals[9] = ((int)now.eccr[0]);
		now.eccr[0] = 0;
#ifdef VAR_RANGES
		logval("eccr[0]", ((int)now.eccr[0]));
#endif
		;
		/* merge: hbs[0] = 0(61, 26, 61) */
		reached[11][26] = 1;
		(trpt+1)->bup.ovals[10] = ((int)now.hbs[0]);
		now.hbs[0] = 0;
#ifdef VAR_RANGES
		logval("hbs[0]", ((int)now.hbs[0]));
#endif
		;
		/* merge: hbt[0] = 0(61, 27, 61) */
		reached[11][27] = 1;
		(trpt+1)->bup.ovals[11] = ((int)now.hbt[0]);
		now.hbt[0] = 0;
#ifdef VAR_RANGES
		logval("hbt[0]", ((int)now.hbt[0]));
#endif
		;
		/* merge: ekill[0] = 1(61, 29, 61) */
		reached[11][29] = 1;
		(trpt+1)->bup.ovals[12] = ((int)now.ekill[0]);
		now.ekill[0] = 1;
#ifdef VAR_RANGES
		logval("ekill[0]", ((int)now.ekill[0]));
#endif
		;
		/* merge: .(goto)(0, 33, 61) */
		reached[11][33] = 1;
		;
		_m = 3; goto P999; /* 13 */
	case 45: // STATE 35 - jobq.pml:297 - [((( ((1<2)) -> (0) : (1) )==0))] (0:0:0 - 1)
		IfNotBlocked
		reached[11][35] = 1;
		if (!((( ((1<2)) ? (0) : (1) )==0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 46: // STATE 36 - jobq.pml:299 - [((edl[1]&&(edg[1]==bgen[0])))] (55:0:2 - 1)
		IfNotBlocked
		reached[11][36] = 1;
		if (!((((int)now.edl[1])&&(((int)now.edg[1])==((int)now.bgen[0])))))
			continue;
		/* merge: ready = ( ((ready<2)) -> ((ready+1)) : (ready) )(55, 37, 55) */
		reached[11][37] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		/* merge: .(goto)(55, 41, 55) */
		reached[11][41] = 1;
		;
		/* merge: edl[1] = 0(55, 42, 55) */
		reached[11][42] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.edl[1]);
		now.edl[1] = 0;
#ifdef VAR_RANGES
		logval("edl[1]", ((int)now.edl[1]));
#endif
		;
		_m = 3; goto P999; /* 3 */
	case 47: // STATE 39 - jobq.pml:300 - [(1)] (55:0:1 - 1)
		IfNotBlocked
		reached[11][39] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(55, 41, 55) */
		reached[11][41] = 1;
		;
		/* merge: edl[1] = 0(55, 42, 55) */
		reached[11][42] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[1]);
		now.edl[1] = 0;
#ifdef VAR_RANGES
		logval("edl[1]", ((int)now.edl[1]));
#endif
		;
		_m = 3; goto P999; /* 2 */
	case 48: // STATE 42 - jobq.pml:306 - [edl[1] = 0] (0:55:1 - 3)
		IfNotBlocked
		reached[11][42] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[1]);
		now.edl[1] = 0;
#ifdef VAR_RANGES
		logval("edl[1]", ((int)now.edl[1]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 49: // STATE 43 - jobq.pml:250 - [eact[1] = 0] (0:88:13 - 1)
		IfNotBlocked
		reached[11][43] = 1;
		(trpt+1)->bup.ovals = grab_ints(13);
		(trpt+1)->bup.ovals[0] = ((int)now.eact[1]);
		now.eact[1] = 0;
#ifdef VAR_RANGES
		logval("eact[1]", ((int)now.eact[1]));
#endif
		;
		/* merge: estart[1] = 0(88, 44, 88) */
		reached[11][44] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.estart[1]);
		now.estart[1] = 0;
#ifdef VAR_RANGES
		logval("estart[1]", ((int)now.estart[1]));
#endif
		;
		/* merge: etok[1] = 0(88, 45, 88) */
		reached[11][45] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.etok[1]);
		now.etok[1] = 0;
#ifdef VAR_RANGES
		logval("etok[1]", ((int)now.etok[1]));
#endif
		;
		/* merge: eatt[1] = 0(88, 46, 88) */
		reached[11][46] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.eatt[1]);
		now.eatt[1] = 0;
#ifdef VAR_RANGES
		logval("eatt[1]", ((int)now.eatt[1]));
#endif
		;
		/* merge: ecid[1] = 0(88, 47, 88) */
		reached[11][47] = 1;
		(trpt+1)->bup.ovals[4] = ((int)now.ecid[1]);
		now.ecid[1] = 0;
#ifdef VAR_RANGES
		logval("ecid[1]", ((int)now.ecid[1]));
#endif
		;
		/* merge: eph[1] = 0(88, 48, 88) */
		reached[11][48] = 1;
		(trpt+1)->bup.ovals[5] = ((int)now.eph[1]);
		now.eph[1] = 0;
#ifdef VAR_RANGES
		logval("eph[1]", ((int)now.eph[1]));
#endif
		;
		/* merge: elost[1] = 0(88, 49, 88) */
		reached[11][49] = 1;
		(trpt+1)->bup.ovals[6] = ((int)now.elost[1]);
		now.elost[1] = 0;
#ifdef VAR_RANGES
		logval("elost[1]", ((int)now.elost[1]));
#endif
		;
		/* merge: ecan[1] = 0(88, 50, 88) */
		reached[11][50] = 1;
		(trpt+1)->bup.ovals[7] = ((int)now.ecan[1]);
		now.ecan[1] = 0;
#ifdef VAR_RANGES
		logval("ecan[1]", ((int)now.ecan[1]));
#endif
		;
		/* merge: hlive[1] = 0(88, 51, 88) */
		reached[11][51] = 1;
		(trpt+1)->bup.ovals[8] = ((int)now.hlive[1]);
		now.hlive[1] = 0;
#ifdef VAR_RANGES
		logval("hlive[1]", ((int)now.hlive[1]));
#endif
		;
		/* merge: eccr[1] = 0(88, 52, 88) */
		reached[11][52] = 1;
		(trpt+1)->bup.ovals[9] = ((int)now.eccr[1]);
		now.eccr[1] = 0;
#ifdef VAR_RANGES
		logval("eccr[1]", ((int)now.eccr[1]));
#endif
		;
		/* merge: hbs[1] = 0(88, 53, 88) */
		reached[11][53] = 1;
		(trpt+1)->bup.ovals[10] = ((int)now.hbs[1]);
		now.hbs[1] = 0;
#ifdef VAR_RANGES
		logval("hbs[1]", ((int)now.hbs[1]));
#endif
		;
		/* merge: hbt[1] = 0(88, 54, 88) */
		reached[11][54] = 1;
		(trpt+1)->bup.ovals[11] = ((int)now.hbt[1]);
		now.hbt[1] = 0;
#ifdef VAR_RANGES
		logval("hbt[1]", ((int)now.hbt[1]));
#endif
		;
		/* merge: ekill[1] = 1(88, 56, 88) */
		reached[11][56] = 1;
		(trpt+1)->bup.ovals[12] = ((int)now.ekill[1]);
		now.ekill[1] = 1;
#ifdef VAR_RANGES
		logval("ekill[1]", ((int)now.ekill[1]));
#endif
		;
		/* merge: .(goto)(0, 60, 88) */
		reached[11][60] = 1;
		;
		_m = 3; goto P999; /* 13 */
	case 50: // STATE 62 - jobq.pml:297 - [((( ((2<2)) -> (0) : (1) )==0))] (0:0:0 - 1)
		IfNotBlocked
		reached[11][62] = 1;
		if (!((( ((2<2)) ? (0) : (1) )==0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 51: // STATE 63 - jobq.pml:299 - [((edl[2]&&(edg[2]==bgen[0])))] (82:0:2 - 1)
		IfNotBlocked
		reached[11][63] = 1;
		if (!((((int)now.edl[2])&&(((int)now.edg[2])==((int)now.bgen[0])))))
			continue;
		/* merge: ready = ( ((ready<2)) -> ((ready+1)) : (ready) )(82, 64, 82) */
		reached[11][64] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		/* merge: .(goto)(82, 68, 82) */
		reached[11][68] = 1;
		;
		/* merge: edl[2] = 0(82, 69, 82) */
		reached[11][69] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.edl[2]);
		now.edl[2] = 0;
#ifdef VAR_RANGES
		logval("edl[2]", ((int)now.edl[2]));
#endif
		;
		_m = 3; goto P999; /* 3 */
	case 52: // STATE 66 - jobq.pml:300 - [(1)] (82:0:1 - 1)
		IfNotBlocked
		reached[11][66] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(82, 68, 82) */
		reached[11][68] = 1;
		;
		/* merge: edl[2] = 0(82, 69, 82) */
		reached[11][69] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[2]);
		now.edl[2] = 0;
#ifdef VAR_RANGES
		logval("edl[2]", ((int)now.edl[2]));
#endif
		;
		_m = 3; goto P999; /* 2 */
	case 53: // STATE 69 - jobq.pml:306 - [edl[2] = 0] (0:82:1 - 3)
		IfNotBlocked
		reached[11][69] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[2]);
		now.edl[2] = 0;
#ifdef VAR_RANGES
		logval("edl[2]", ((int)now.edl[2]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 54: // STATE 70 - jobq.pml:250 - [eact[2] = 0] (0:243:14 - 1)
		IfNotBlocked
		reached[11][70] = 1;
		(trpt+1)->bup.ovals = grab_ints(14);
		(trpt+1)->bup.ovals[0] = ((int)now.eact[2]);
		now.eact[2] = 0;
#ifdef VAR_RANGES
		logval("eact[2]", ((int)now.eact[2]));
#endif
		;
		/* merge: estart[2] = 0(243, 71, 243) */
		reached[11][71] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.estart[2]);
		now.estart[2] = 0;
#ifdef VAR_RANGES
		logval("estart[2]", ((int)now.estart[2]));
#endif
		;
		/* merge: etok[2] = 0(243, 72, 243) */
		reached[11][72] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.etok[2]);
		now.etok[2] = 0;
#ifdef VAR_RANGES
		logval("etok[2]", ((int)now.etok[2]));
#endif
		;
		/* merge: eatt[2] = 0(243, 73, 243) */
		reached[11][73] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.eatt[2]);
		now.eatt[2] = 0;
#ifdef VAR_RANGES
		logval("eatt[2]", ((int)now.eatt[2]));
#endif
		;
		/* merge: ecid[2] = 0(243, 74, 243) */
		reached[11][74] = 1;
		(trpt+1)->bup.ovals[4] = ((int)now.ecid[2]);
		now.ecid[2] = 0;
#ifdef VAR_RANGES
		logval("ecid[2]", ((int)now.ecid[2]));
#endif
		;
		/* merge: eph[2] = 0(243, 75, 243) */
		reached[11][75] = 1;
		(trpt+1)->bup.ovals[5] = ((int)now.eph[2]);
		now.eph[2] = 0;
#ifdef VAR_RANGES
		logval("eph[2]", ((int)now.eph[2]));
#endif
		;
		/* merge: elost[2] = 0(243, 76, 243) */
		reached[11][76] = 1;
		(trpt+1)->bup.ovals[6] = ((int)now.elost[2]);
		now.elost[2] = 0;
#ifdef VAR_RANGES
		logval("elost[2]", ((int)now.elost[2]));
#endif
		;
		/* merge: ecan[2] = 0(243, 77, 243) */
		reached[11][77] = 1;
		(trpt+1)->bup.ovals[7] = ((int)now.ecan[2]);
		now.ecan[2] = 0;
#ifdef VAR_RANGES
		logval("ecan[2]", ((int)now.ecan[2]));
#endif
		;
		/* merge: hlive[2] = 0(243, 78, 243) */
		reached[11][78] = 1;
		(trpt+1)->bup.ovals[8] = ((int)now.hlive[2]);
		now.hlive[2] = 0;
#ifdef VAR_RANGES
		logval("hlive[2]", ((int)now.hlive[2]));
#endif
		;
		/* merge: eccr[2] = 0(243, 79, 243) */
		reached[11][79] = 1;
		(trpt+1)->bup.ovals[9] = ((int)now.eccr[2]);
		now.eccr[2] = 0;
#ifdef VAR_RANGES
		logval("eccr[2]", ((int)now.eccr[2]));
#endif
		;
		/* merge: hbs[2] = 0(243, 80, 243) */
		reached[11][80] = 1;
		(trpt+1)->bup.ovals[10] = ((int)now.hbs[2]);
		now.hbs[2] = 0;
#ifdef VAR_RANGES
		logval("hbs[2]", ((int)now.hbs[2]));
#endif
		;
		/* merge: hbt[2] = 0(243, 81, 243) */
		reached[11][81] = 1;
		(trpt+1)->bup.ovals[11] = ((int)now.hbt[2]);
		now.hbt[2] = 0;
#ifdef VAR_RANGES
		logval("hbt[2]", ((int)now.hbt[2]));
#endif
		;
		/* merge: ekill[2] = 1(243, 83, 243) */
		reached[11][83] = 1;
		(trpt+1)->bup.ovals[12] = ((int)now.ekill[2]);
		now.ekill[2] = 1;
#ifdef VAR_RANGES
		logval("ekill[2]", ((int)now.ekill[2]));
#endif
		;
		/* merge: .(goto)(243, 87, 243) */
		reached[11][87] = 1;
		;
		/* merge: bgen[0] = (bgen[0]+1)(243, 89, 243) */
		reached[11][89] = 1;
		(trpt+1)->bup.ovals[13] = ((int)now.bgen[0]);
		now.bgen[0] = (((int)now.bgen[0])+1);
#ifdef VAR_RANGES
		logval("bgen[0]", ((int)now.bgen[0]));
#endif
		;
		/* merge: .(goto)(0, 244, 243) */
		reached[11][244] = 1;
		;
		_m = 3; goto P999; /* 15 */
	case 55: // STATE 87 - jobq.pml:309 - [.(goto)] (0:243:1 - 2)
		IfNotBlocked
		reached[11][87] = 1;
		;
		/* merge: bgen[0] = (bgen[0]+1)(243, 89, 243) */
		reached[11][89] = 1;
		(trpt+1)->bup.oval = ((int)now.bgen[0]);
		now.bgen[0] = (((int)now.bgen[0])+1);
#ifdef VAR_RANGES
		logval("bgen[0]", ((int)now.bgen[0]));
#endif
		;
		/* merge: .(goto)(0, 244, 243) */
		reached[11][244] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 56: // STATE 85 - jobq.pml:307 - [(1)] (243:0:1 - 1)
		IfNotBlocked
		reached[11][85] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(243, 87, 243) */
		reached[11][87] = 1;
		;
		/* merge: bgen[0] = (bgen[0]+1)(243, 89, 243) */
		reached[11][89] = 1;
		(trpt+1)->bup.oval = ((int)now.bgen[0]);
		now.bgen[0] = (((int)now.bgen[0])+1);
#ifdef VAR_RANGES
		logval("bgen[0]", ((int)now.bgen[0]));
#endif
		;
		/* merge: .(goto)(0, 244, 243) */
		reached[11][244] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 57: // STATE 92 - jobq.pml:746 - [(((faults<2)&&alive[1]))] (181:0:1 - 1)
		IfNotBlocked
		reached[11][92] = 1;
		if (!(((((int)now.faults)<2)&&((int)now.alive[1]))))
			continue;
		/* merge: faults = (faults+1)(0, 93, 181) */
		reached[11][93] = 1;
		(trpt+1)->bup.oval = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 58: // STATE 94 - jobq.pml:315 - [alive[1] = 0] (0:125:5 - 1)
		IfNotBlocked
		reached[11][94] = 1;
		(trpt+1)->bup.ovals = grab_ints(5);
		(trpt+1)->bup.ovals[0] = ((int)now.alive[1]);
		now.alive[1] = 0;
#ifdef VAR_RANGES
		logval("alive[1]", ((int)now.alive[1]));
#endif
		;
		/* merge: paused[1] = 0(125, 95, 125) */
		reached[11][95] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.paused[1]);
		now.paused[1] = 0;
#ifdef VAR_RANGES
		logval("paused[1]", ((int)now.paused[1]));
#endif
		;
		/* merge: lock[1] = 0(125, 96, 125) */
		reached[11][96] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.lock[1]);
		now.lock[1] = 0;
#ifdef VAR_RANGES
		logval("lock[1]", ((int)now.lock[1]));
#endif
		;
		/* merge: hb[1] = 0(125, 97, 125) */
		reached[11][97] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.hb[1]);
		now.hb[1] = 0;
#ifdef VAR_RANGES
		logval("hb[1]", ((int)now.hb[1]));
#endif
		;
		/* merge: fanout[1] = 0(125, 98, 125) */
		reached[11][98] = 1;
		(trpt+1)->bup.ovals[4] = ((int)now.fanout[1]);
		now.fanout[1] = 0;
#ifdef VAR_RANGES
		logval("fanout[1]", ((int)now.fanout[1]));
#endif
		;
		_m = 3; goto P999; /* 4 */
	case 59: // STATE 99 - jobq.pml:297 - [((( ((0<2)) -> (0) : (1) )==1))] (0:0:0 - 1)
		IfNotBlocked
		reached[11][99] = 1;
		if (!((( ((0<2)) ? (0) : (1) )==1)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 60: // STATE 100 - jobq.pml:299 - [((edl[0]&&(edg[0]==bgen[1])))] (119:0:2 - 1)
		IfNotBlocked
		reached[11][100] = 1;
		if (!((((int)now.edl[0])&&(((int)now.edg[0])==((int)now.bgen[1])))))
			continue;
		/* merge: ready = ( ((ready<2)) -> ((ready+1)) : (ready) )(119, 101, 119) */
		reached[11][101] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		/* merge: .(goto)(119, 105, 119) */
		reached[11][105] = 1;
		;
		/* merge: edl[0] = 0(119, 106, 119) */
		reached[11][106] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.edl[0]);
		now.edl[0] = 0;
#ifdef VAR_RANGES
		logval("edl[0]", ((int)now.edl[0]));
#endif
		;
		_m = 3; goto P999; /* 3 */
	case 61: // STATE 103 - jobq.pml:300 - [(1)] (119:0:1 - 1)
		IfNotBlocked
		reached[11][103] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(119, 105, 119) */
		reached[11][105] = 1;
		;
		/* merge: edl[0] = 0(119, 106, 119) */
		reached[11][106] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[0]);
		now.edl[0] = 0;
#ifdef VAR_RANGES
		logval("edl[0]", ((int)now.edl[0]));
#endif
		;
		_m = 3; goto P999; /* 2 */
	case 62: // STATE 106 - jobq.pml:306 - [edl[0] = 0] (0:119:1 - 3)
		IfNotBlocked
		reached[11][106] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[0]);
		now.edl[0] = 0;
#ifdef VAR_RANGES
		logval("edl[0]", ((int)now.edl[0]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 63: // STATE 107 - jobq.pml:250 - [eact[0] = 0] (0:152:13 - 1)
		IfNotBlocked
		reached[11][107] = 1;
		(trpt+1)->bup.ovals = grab_ints(13);
		(trpt+1)->bup.ovals[0] = ((int)now.eact[0]);
		now.eact[0] = 0;
#ifdef VAR_RANGES
		logval("eact[0]", ((int)now.eact[0]));
#endif
		;
		/* merge: estart[0] = 0(152, 108, 152) */
		reached[11][108] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.estart[0]);
		now.estart[0] = 0;
#ifdef VAR_RANGES
		logval("estart[0]", ((int)now.estart[0]));
#endif
		;
		/* merge: etok[0] = 0(152, 109, 152) */
		reached[11][109] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.etok[0]);
		now.etok[0] = 0;
#ifdef VAR_RANGES
		logval("etok[0]", ((int)now.etok[0]));
#endif
		;
		/* merge: eatt[0] = 0(152, 110, 152) */
		reached[11][110] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.eatt[0]);
		now.eatt[0] = 0;
#ifdef VAR_RANGES
		logval("eatt[0]", ((int)now.eatt[0]));
#endif
		;
		/* merge: ecid[0] = 0(152, 111, 152) */
		reached[11][111] = 1;
		(trpt+1)->bup.ovals[4] = ((int)now.ecid[0]);
		now.ecid[0] = 0;
#ifdef VAR_RANGES
		logval("ecid[0]", ((int)now.ecid[0]));
#endif
		;
		/* merge: eph[0] = 0(152, 112, 152) */
		reached[11][112] = 1;
		(trpt+1)->bup.ovals[5] = ((int)now.eph[0]);
		now.eph[0] = 0;
#ifdef VAR_RANGES
		logval("eph[0]", ((int)now.eph[0]));
#endif
		;
		/* merge: elost[0] = 0(152, 113, 152) */
		reached[11][113] = 1;
		(trpt+1)->bup.ovals[6] = ((int)now.elost[0]);
		now.elost[0] = 0;
#ifdef VAR_RANGES
		logval("elost[0]", ((int)now.elost[0]));
#endif
		;
		/* merge: ecan[0] = 0(152, 114, 152) */
		reached[11][114] = 1;
		(trpt+1)->bup.ovals[7] = ((int)now.ecan[0]);
		now.ecan[0] = 0;
#ifdef VAR_RANGES
		logval("ecan[0]", ((int)now.ecan[0]));
#endif
		;
		/* merge: hlive[0] = 0(152, 115, 152) */
		reached[11][115] = 1;
		(trpt+1)->bup.ovals[8] = ((int)now.hlive[0]);
		now.hlive[0] = 0;
#ifdef VAR_RANGES
		logval("hlive[0]", ((int)now.hlive[0]));
#endif
		;
		/* merge: eccr[0] = 0(152, 116, 152) */
		reached[11][116] = 1;
		(trpt+1)->bup.ovals[9] = ((int)now.eccr[0]);
		now.eccr[0] = 0;
#ifdef VAR_RANGES
		logval("eccr[0]", ((int)now.eccr[0]));
#endif
		;
		/* merge: hbs[0] = 0(152, 117, 152) */
		reached[11][117] = 1;
		(trpt+1)->bup.ovals[10] = ((int)now.hbs[0]);
		now.hbs[0] = 0;
#ifdef VAR_RANGES
		logval("hbs[0]", ((int)now.hbs[0]));
#endif
		;
		/* merge: hbt[0] = 0(152, 118, 152) */
		reached[11][118] = 1;
		(trpt+1)->bup.ovals[11] = ((int)now.hbt[0]);
		now.hbt[0] = 0;
#ifdef VAR_RANGES
		logval("hbt[0]", ((int)now.hbt[0]));
#endif
		;
		/* merge: ekill[0] = 1(152, 120, 152) */
		reached[11][120] = 1;
		(trpt+1)->bup.ovals[12] = ((int)now.ekill[0]);
		now.ekill[0] = 1;
#ifdef VAR_RANGES
		logval("ekill[0]", ((int)now.ekill[0]));
#endif
		;
		/* merge: .(goto)(0, 124, 152) */
		reached[11][124] = 1;
		;
		_m = 3; goto P999; /* 13 */
	case 64: // STATE 126 - jobq.pml:297 - [((( ((1<2)) -> (0) : (1) )==1))] (0:0:0 - 1)
		IfNotBlocked
		reached[11][126] = 1;
		if (!((( ((1<2)) ? (0) : (1) )==1)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 65: // STATE 127 - jobq.pml:299 - [((edl[1]&&(edg[1]==bgen[1])))] (146:0:2 - 1)
		IfNotBlocked
		reached[11][127] = 1;
		if (!((((int)now.edl[1])&&(((int)now.edg[1])==((int)now.bgen[1])))))
			continue;
		/* merge: ready = ( ((ready<2)) -> ((ready+1)) : (ready) )(146, 128, 146) */
		reached[11][128] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		/* merge: .(goto)(146, 132, 146) */
		reached[11][132] = 1;
		;
		/* merge: edl[1] = 0(146, 133, 146) */
		reached[11][133] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.edl[1]);
		now.edl[1] = 0;
#ifdef VAR_RANGES
		logval("edl[1]", ((int)now.edl[1]));
#endif
		;
		_m = 3; goto P999; /* 3 */
	case 66: // STATE 130 - jobq.pml:300 - [(1)] (146:0:1 - 1)
		IfNotBlocked
		reached[11][130] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(146, 132, 146) */
		reached[11][132] = 1;
		;
		/* merge: edl[1] = 0(146, 133, 146) */
		reached[11][133] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[1]);
		now.edl[1] = 0;
#ifdef VAR_RANGES
		logval("edl[1]", ((int)now.edl[1]));
#endif
		;
		_m = 3; goto P999; /* 2 */
	case 67: // STATE 133 - jobq.pml:306 - [edl[1] = 0] (0:146:1 - 3)
		IfNotBlocked
		reached[11][133] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[1]);
		now.edl[1] = 0;
#ifdef VAR_RANGES
		logval("edl[1]", ((int)now.edl[1]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 68: // STATE 134 - jobq.pml:250 - [eact[1] = 0] (0:179:13 - 1)
		IfNotBlocked
		reached[11][134] = 1;
		(trpt+1)->bup.ovals = grab_ints(13);
		(trpt+1)->bup.ovals[0] = ((int)now.eact[1]);
		now.eact[1] = 0;
#ifdef VAR_RANGES
		logval("eact[1]", ((int)now.eact[1]));
#endif
		;
		/* merge: estart[1] = 0(179, 135, 179) */
		reached[11][135] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.estart[1]);
		now.estart[1] = 0;
#ifdef VAR_RANGES
		logval("estart[1]", ((int)now.estart[1]));
#endif
		;
		/* merge: etok[1] = 0(179, 136, 179) */
		reached[11][136] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.etok[1]);
		now.etok[1] = 0;
#ifdef VAR_RANGES
		logval("etok[1]", ((int)now.etok[1]));
#endif
		;
		/* merge: eatt[1] = 0(179, 137, 179) */
		reached[11][137] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.eatt[1]);
		now.eatt[1] = 0;
#ifdef VAR_RANGES
		logval("eatt[1]", ((int)now.eatt[1]));
#endif
		;
		/* merge: ecid[1] = 0(179, 138, 179) */
		reached[11][138] = 1;
		(trpt+1)->bup.ovals[4] = ((int)now.ecid[1]);
		now.ecid[1] = 0;
#ifdef VAR_RANGES
		logval("ecid[1]", ((int)now.ecid[1]));
#endif
		;
		/* merge: eph[1] = 0(179, 139, 179) */
		reached[11][139] = 1;
		(trpt+1)->bup.ovals[5] = ((int)now.eph[1]);
		now.eph[1] = 0;
#ifdef VAR_RANGES
		logval("eph[1]", ((int)now.eph[1]));
#endif
		;
		/* merge: elost[1] = 0(179, 140, 179) */
		reached[11][140] = 1;
		(trpt+1)->bup.ovals[6] = ((int)now.elost[1]);
		now.elost[1] = 0;
#ifdef VAR_RANGES
		logval("elost[1]", ((int)now.elost[1]));
#endif
		;
		/* merge: ecan[1] = 0(179, 141, 179) */
		reached[11][141] = 1;
		(trpt+1)->bup.ovals[7] = ((int)now.ecan[1]);
		now.ecan[1] = 0;
#ifdef VAR_RANGES
		logval("ecan[1]", ((int)now.ecan[1]));
#endif
		;
		/* merge: hlive[1] = 0(179, 142, 179) */
		reached[11][142] = 1;
		(trpt+1)->bup.ovals[8] = ((int)now.hlive[1]);
		now.hlive[1] = 0;
#ifdef VAR_RANGES
		logval("hlive[1]", ((int)now.hlive[1]));
#endif
		;
		/* merge: eccr[1] = 0(179, 143, 179) */
		reached[11][143] = 1;
		(trpt+1)->bup.ovals[9] = ((int)now.eccr[1]);
		now.eccr[1] = 0;
#ifdef VAR_RANGES
		logval("eccr[1]", ((int)now.eccr[1]));
#endif
		;
		/* merge: hbs[1] = 0(179, 144, 179) */
		reached[11][144] = 1;
		(trpt+1)->bup.ovals[10] = ((int)now.hbs[1]);
		now.hbs[1] = 0;
#ifdef VAR_RANGES
		logval("hbs[1]", ((int)now.hbs[1]));
#endif
		;
		/* merge: hbt[1] = 0(179, 145, 179) */
		reached[11][145] = 1;
		(trpt+1)->bup.ovals[11] = ((int)now.hbt[1]);
		now.hbt[1] = 0;
#ifdef VAR_RANGES
		logval("hbt[1]", ((int)now.hbt[1]));
#endif
		;
		/* merge: ekill[1] = 1(179, 147, 179) */
		reached[11][147] = 1;
		(trpt+1)->bup.ovals[12] = ((int)now.ekill[1]);
		now.ekill[1] = 1;
#ifdef VAR_RANGES
		logval("ekill[1]", ((int)now.ekill[1]));
#endif
		;
		/* merge: .(goto)(0, 151, 179) */
		reached[11][151] = 1;
		;
		_m = 3; goto P999; /* 13 */
	case 69: // STATE 153 - jobq.pml:297 - [((( ((2<2)) -> (0) : (1) )==1))] (0:0:0 - 1)
		IfNotBlocked
		reached[11][153] = 1;
		if (!((( ((2<2)) ? (0) : (1) )==1)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 70: // STATE 154 - jobq.pml:299 - [((edl[2]&&(edg[2]==bgen[1])))] (173:0:2 - 1)
		IfNotBlocked
		reached[11][154] = 1;
		if (!((((int)now.edl[2])&&(((int)now.edg[2])==((int)now.bgen[1])))))
			continue;
		/* merge: ready = ( ((ready<2)) -> ((ready+1)) : (ready) )(173, 155, 173) */
		reached[11][155] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		/* merge: .(goto)(173, 159, 173) */
		reached[11][159] = 1;
		;
		/* merge: edl[2] = 0(173, 160, 173) */
		reached[11][160] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.edl[2]);
		now.edl[2] = 0;
#ifdef VAR_RANGES
		logval("edl[2]", ((int)now.edl[2]));
#endif
		;
		_m = 3; goto P999; /* 3 */
	case 71: // STATE 157 - jobq.pml:300 - [(1)] (173:0:1 - 1)
		IfNotBlocked
		reached[11][157] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(173, 159, 173) */
		reached[11][159] = 1;
		;
		/* merge: edl[2] = 0(173, 160, 173) */
		reached[11][160] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[2]);
		now.edl[2] = 0;
#ifdef VAR_RANGES
		logval("edl[2]", ((int)now.edl[2]));
#endif
		;
		_m = 3; goto P999; /* 2 */
	case 72: // STATE 160 - jobq.pml:306 - [edl[2] = 0] (0:173:1 - 3)
		IfNotBlocked
		reached[11][160] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[2]);
		now.edl[2] = 0;
#ifdef VAR_RANGES
		logval("edl[2]", ((int)now.edl[2]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 73: // STATE 161 - jobq.pml:250 - [eact[2] = 0] (0:243:14 - 1)
		IfNotBlocked
		reached[11][161] = 1;
		(trpt+1)->bup.ovals = grab_ints(14);
		(trpt+1)->bup.ovals[0] = ((int)now.eact[2]);
		now.eact[2] = 0;
#ifdef VAR_RANGES
		logval("eact[2]", ((int)now.eact[2]));
#endif
		;
		/* merge: estart[2] = 0(243, 162, 243) */
		reached[11][162] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.estart[2]);
		now.estart[2] = 0;
#ifdef VAR_RANGES
		logval("estart[2]", ((int)now.estart[2]));
#endif
		;
		/* merge: etok[2] = 0(243, 163, 243) */
		reached[11][163] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.etok[2]);
		now.etok[2] = 0;
#ifdef VAR_RANGES
		logval("etok[2]", ((int)now.etok[2]));
#endif
		;
		/* merge: eatt[2] = 0(243, 164, 243) */
		reached[11][164] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.eatt[2]);
		now.eatt[2] = 0;
#ifdef VAR_RANGES
		logval("eatt[2]", ((int)now.eatt[2]));
#endif
		;
		/* merge: ecid[2] = 0(243, 165, 243) */
		reached[11][165] = 1;
		(trpt+1)->bup.ovals[4] = ((int)now.ecid[2]);
		now.ecid[2] = 0;
#ifdef VAR_RANGES
		logval("ecid[2]", ((int)now.ecid[2]));
#endif
		;
		/* merge: eph[2] = 0(243, 166, 243) */
		reached[11][166] = 1;
		(trpt+1)->bup.ovals[5] = ((int)now.eph[2]);
		now.eph[2] = 0;
#ifdef VAR_RANGES
		logval("eph[2]", ((int)now.eph[2]));
#endif
		;
		/* merge: elost[2] = 0(243, 167, 243) */
		reached[11][167] = 1;
		(trpt+1)->bup.ovals[6] = ((int)now.elost[2]);
		now.elost[2] = 0;
#ifdef VAR_RANGES
		logval("elost[2]", ((int)now.elost[2]));
#endif
		;
		/* merge: ecan[2] = 0(243, 168, 243) */
		reached[11][168] = 1;
		(trpt+1)->bup.ovals[7] = ((int)now.ecan[2]);
		now.ecan[2] = 0;
#ifdef VAR_RANGES
		logval("ecan[2]", ((int)now.ecan[2]));
#endif
		;
		/* merge: hlive[2] = 0(243, 169, 243) */
		reached[11][169] = 1;
		(trpt+1)->bup.ovals[8] = ((int)now.hlive[2]);
		now.hlive[2] = 0;
#ifdef VAR_RANGES
		logval("hlive[2]", ((int)now.hlive[2]));
#endif
		;
		/* merge: eccr[2] = 0(243, 170, 243) */
		reached[11][170] = 1;
		(trpt+1)->bup.ovals[9] = ((int)now.eccr[2]);
		now.eccr[2] = 0;
#ifdef VAR_RANGES
		logval("eccr[2]", ((int)now.eccr[2]));
#endif
		;
		/* merge: hbs[2] = 0(243, 171, 243) */
		reached[11][171] = 1;
		(trpt+1)->bup.ovals[10] = ((int)now.hbs[2]);
		now.hbs[2] = 0;
#ifdef VAR_RANGES
		logval("hbs[2]", ((int)now.hbs[2]));
#endif
		;
		/* merge: hbt[2] = 0(243, 172, 243) */
		reached[11][172] = 1;
		(trpt+1)->bup.ovals[11] = ((int)now.hbt[2]);
		now.hbt[2] = 0;
#ifdef VAR_RANGES
		logval("hbt[2]", ((int)now.hbt[2]));
#endif
		;
		/* merge: ekill[2] = 1(243, 174, 243) */
		reached[11][174] = 1;
		(trpt+1)->bup.ovals[12] = ((int)now.ekill[2]);
		now.ekill[2] = 1;
#ifdef VAR_RANGES
		logval("ekill[2]", ((int)now.ekill[2]));
#endif
		;
		/* merge: .(goto)(243, 178, 243) */
		reached[11][178] = 1;
		;
		/* merge: bgen[1] = (bgen[1]+1)(243, 180, 243) */
		reached[11][180] = 1;
		(trpt+1)->bup.ovals[13] = ((int)now.bgen[1]);
		now.bgen[1] = (((int)now.bgen[1])+1);
#ifdef VAR_RANGES
		logval("bgen[1]", ((int)now.bgen[1]));
#endif
		;
		/* merge: .(goto)(0, 244, 243) */
		reached[11][244] = 1;
		;
		_m = 3; goto P999; /* 15 */
	case 74: // STATE 178 - jobq.pml:309 - [.(goto)] (0:243:1 - 2)
		IfNotBlocked
		reached[11][178] = 1;
		;
		/* merge: bgen[1] = (bgen[1]+1)(243, 180, 243) */
		reached[11][180] = 1;
		(trpt+1)->bup.oval = ((int)now.bgen[1]);
		now.bgen[1] = (((int)now.bgen[1])+1);
#ifdef VAR_RANGES
		logval("bgen[1]", ((int)now.bgen[1]));
#endif
		;
		/* merge: .(goto)(0, 244, 243) */
		reached[11][244] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 75: // STATE 176 - jobq.pml:307 - [(1)] (243:0:1 - 1)
		IfNotBlocked
		reached[11][176] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(243, 178, 243) */
		reached[11][178] = 1;
		;
		/* merge: bgen[1] = (bgen[1]+1)(243, 180, 243) */
		reached[11][180] = 1;
		(trpt+1)->bup.oval = ((int)now.bgen[1]);
		now.bgen[1] = (((int)now.bgen[1])+1);
#ifdef VAR_RANGES
		logval("bgen[1]", ((int)now.bgen[1]));
#endif
		;
		/* merge: .(goto)(0, 244, 243) */
		reached[11][244] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 76: // STATE 183 - jobq.pml:747 - [((((faults<2)&&alive[0])&&!(paused[0])))] (243:0:2 - 1)
		IfNotBlocked
		reached[11][183] = 1;
		if (!((((((int)now.faults)<2)&&((int)now.alive[0]))&& !(((int)now.paused[0])))))
			continue;
		/* merge: faults = (faults+1)(243, 184, 243) */
		reached[11][184] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		/* merge: paused[0] = 1(243, 185, 243) */
		reached[11][185] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.paused[0]);
		now.paused[0] = 1;
#ifdef VAR_RANGES
		logval("paused[0]", ((int)now.paused[0]));
#endif
		;
		/* merge: .(goto)(0, 244, 243) */
		reached[11][244] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 77: // STATE 187 - jobq.pml:748 - [((((faults<2)&&alive[1])&&!(paused[1])))] (243:0:2 - 1)
		IfNotBlocked
		reached[11][187] = 1;
		if (!((((((int)now.faults)<2)&&((int)now.alive[1]))&& !(((int)now.paused[1])))))
			continue;
		/* merge: faults = (faults+1)(243, 188, 243) */
		reached[11][188] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		/* merge: paused[1] = 1(243, 189, 243) */
		reached[11][189] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.paused[1]);
		now.paused[1] = 1;
#ifdef VAR_RANGES
		logval("paused[1]", ((int)now.paused[1]));
#endif
		;
		/* merge: .(goto)(0, 244, 243) */
		reached[11][244] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 78: // STATE 191 - jobq.pml:749 - [(((faults<2)&&alive[0]))] (213:0:1 - 1)
		IfNotBlocked
		reached[11][191] = 1;
		if (!(((((int)now.faults)<2)&&((int)now.alive[0]))))
			continue;
		/* merge: faults = (faults+1)(0, 192, 213) */
		reached[11][192] = 1;
		(trpt+1)->bup.oval = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 79: // STATE 193 - jobq.pml:324 - [((((( ((0<2)) -> (0) : (1) )==0)&&edl[0])&&(edg[0]==bgen[0])))] (203:0:1 - 1)
		IfNotBlocked
		reached[11][193] = 1;
		if (!((((( ((0<2)) ? (0) : (1) )==0)&&((int)now.edl[0]))&&(((int)now.edg[0])==((int)now.bgen[0])))))
			continue;
		/* merge: ready = ( ((ready<2)) -> ((ready+1)) : (ready) )(0, 194, 203) */
		reached[11][194] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		/* merge: .(goto)(0, 198, 203) */
		reached[11][198] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 80: // STATE 199 - jobq.pml:325 - [((((( ((1<2)) -> (0) : (1) )==0)&&edl[1])&&(edg[1]==bgen[0])))] (209:0:1 - 1)
		IfNotBlocked
		reached[11][199] = 1;
		if (!((((( ((1<2)) ? (0) : (1) )==0)&&((int)now.edl[1]))&&(((int)now.edg[1])==((int)now.bgen[0])))))
			continue;
		/* merge: ready = ( ((ready<2)) -> ((ready+1)) : (ready) )(0, 200, 209) */
		reached[11][200] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		/* merge: .(goto)(0, 204, 209) */
		reached[11][204] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 81: // STATE 205 - jobq.pml:326 - [((((( ((2<2)) -> (0) : (1) )==0)&&edl[2])&&(edg[2]==bgen[0])))] (243:0:3 - 1)
		IfNotBlocked
		reached[11][205] = 1;
		if (!((((( ((2<2)) ? (0) : (1) )==0)&&((int)now.edl[2]))&&(((int)now.edg[2])==((int)now.bgen[0])))))
			continue;
		/* merge: ready = ( ((ready<2)) -> ((ready+1)) : (ready) )(243, 206, 243) */
		reached[11][206] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		/* merge: .(goto)(243, 210, 243) */
		reached[11][210] = 1;
		;
		/* merge: bgen[0] = (bgen[0]+1)(243, 211, 243) */
		reached[11][211] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.bgen[0]);
		now.bgen[0] = (((int)now.bgen[0])+1);
#ifdef VAR_RANGES
		logval("bgen[0]", ((int)now.bgen[0]));
#endif
		;
		/* merge: fanout[0] = 0(243, 212, 243) */
		reached[11][212] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.fanout[0]);
		now.fanout[0] = 0;
#ifdef VAR_RANGES
		logval("fanout[0]", ((int)now.fanout[0]));
#endif
		;
		/* merge: .(goto)(0, 244, 243) */
		reached[11][244] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 82: // STATE 208 - jobq.pml:326 - [(1)] (243:0:2 - 1)
		IfNotBlocked
		reached[11][208] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(243, 210, 243) */
		reached[11][210] = 1;
		;
		/* merge: bgen[0] = (bgen[0]+1)(243, 211, 243) */
		reached[11][211] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.bgen[0]);
		now.bgen[0] = (((int)now.bgen[0])+1);
#ifdef VAR_RANGES
		logval("bgen[0]", ((int)now.bgen[0]));
#endif
		;
		/* merge: fanout[0] = 0(243, 212, 243) */
		reached[11][212] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.fanout[0]);
		now.fanout[0] = 0;
#ifdef VAR_RANGES
		logval("fanout[0]", ((int)now.fanout[0]));
#endif
		;
		/* merge: .(goto)(0, 244, 243) */
		reached[11][244] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 83: // STATE 211 - jobq.pml:327 - [bgen[0] = (bgen[0]+1)] (0:243:2 - 3)
		IfNotBlocked
		reached[11][211] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.bgen[0]);
		now.bgen[0] = (((int)now.bgen[0])+1);
#ifdef VAR_RANGES
		logval("bgen[0]", ((int)now.bgen[0]));
#endif
		;
		/* merge: fanout[0] = 0(243, 212, 243) */
		reached[11][212] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.fanout[0]);
		now.fanout[0] = 0;
#ifdef VAR_RANGES
		logval("fanout[0]", ((int)now.fanout[0]));
#endif
		;
		/* merge: .(goto)(0, 244, 243) */
		reached[11][244] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 84: // STATE 215 - jobq.pml:750 - [(((faults<2)&&alive[1]))] (237:0:1 - 1)
		IfNotBlocked
		reached[11][215] = 1;
		if (!(((((int)now.faults)<2)&&((int)now.alive[1]))))
			continue;
		/* merge: faults = (faults+1)(0, 216, 237) */
		reached[11][216] = 1;
		(trpt+1)->bup.oval = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 85: // STATE 217 - jobq.pml:324 - [((((( ((0<2)) -> (0) : (1) )==1)&&edl[0])&&(edg[0]==bgen[1])))] (227:0:1 - 1)
		IfNotBlocked
		reached[11][217] = 1;
		if (!((((( ((0<2)) ? (0) : (1) )==1)&&((int)now.edl[0]))&&(((int)now.edg[0])==((int)now.bgen[1])))))
			continue;
		/* merge: ready = ( ((ready<2)) -> ((ready+1)) : (ready) )(0, 218, 227) */
		reached[11][218] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		/* merge: .(goto)(0, 222, 227) */
		reached[11][222] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 86: // STATE 223 - jobq.pml:325 - [((((( ((1<2)) -> (0) : (1) )==1)&&edl[1])&&(edg[1]==bgen[1])))] (233:0:1 - 1)
		IfNotBlocked
		reached[11][223] = 1;
		if (!((((( ((1<2)) ? (0) : (1) )==1)&&((int)now.edl[1]))&&(((int)now.edg[1])==((int)now.bgen[1])))))
			continue;
		/* merge: ready = ( ((ready<2)) -> ((ready+1)) : (ready) )(0, 224, 233) */
		reached[11][224] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		/* merge: .(goto)(0, 228, 233) */
		reached[11][228] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 87: // STATE 229 - jobq.pml:326 - [((((( ((2<2)) -> (0) : (1) )==1)&&edl[2])&&(edg[2]==bgen[1])))] (243:0:3 - 1)
		IfNotBlocked
		reached[11][229] = 1;
		if (!((((( ((2<2)) ? (0) : (1) )==1)&&((int)now.edl[2]))&&(((int)now.edg[2])==((int)now.bgen[1])))))
			continue;
		/* merge: ready = ( ((ready<2)) -> ((ready+1)) : (ready) )(243, 230, 243) */
		reached[11][230] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		/* merge: .(goto)(243, 234, 243) */
		reached[11][234] = 1;
		;
		/* merge: bgen[1] = (bgen[1]+1)(243, 235, 243) */
		reached[11][235] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.bgen[1]);
		now.bgen[1] = (((int)now.bgen[1])+1);
#ifdef VAR_RANGES
		logval("bgen[1]", ((int)now.bgen[1]));
#endif
		;
		/* merge: fanout[1] = 0(243, 236, 243) */
		reached[11][236] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.fanout[1]);
		now.fanout[1] = 0;
#ifdef VAR_RANGES
		logval("fanout[1]", ((int)now.fanout[1]));
#endif
		;
		/* merge: .(goto)(0, 244, 243) */
		reached[11][244] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 88: // STATE 232 - jobq.pml:326 - [(1)] (243:0:2 - 1)
		IfNotBlocked
		reached[11][232] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(243, 234, 243) */
		reached[11][234] = 1;
		;
		/* merge: bgen[1] = (bgen[1]+1)(243, 235, 243) */
		reached[11][235] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.bgen[1]);
		now.bgen[1] = (((int)now.bgen[1])+1);
#ifdef VAR_RANGES
		logval("bgen[1]", ((int)now.bgen[1]));
#endif
		;
		/* merge: fanout[1] = 0(243, 236, 243) */
		reached[11][236] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.fanout[1]);
		now.fanout[1] = 0;
#ifdef VAR_RANGES
		logval("fanout[1]", ((int)now.fanout[1]));
#endif
		;
		/* merge: .(goto)(0, 244, 243) */
		reached[11][244] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 89: // STATE 235 - jobq.pml:327 - [bgen[1] = (bgen[1]+1)] (0:243:2 - 3)
		IfNotBlocked
		reached[11][235] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.bgen[1]);
		now.bgen[1] = (((int)now.bgen[1])+1);
#ifdef VAR_RANGES
		logval("bgen[1]", ((int)now.bgen[1]));
#endif
		;
		/* merge: fanout[1] = 0(243, 236, 243) */
		reached[11][236] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.fanout[1]);
		now.fanout[1] = 0;
#ifdef VAR_RANGES
		logval("fanout[1]", ((int)now.fanout[1]));
#endif
		;
		/* merge: .(goto)(0, 244, 243) */
		reached[11][244] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 90: // STATE 239 - jobq.pml:751 - [(((faults<2)&&(ready>0)))] (243:0:2 - 1)
		IfNotBlocked
		reached[11][239] = 1;
		if (!(((((int)now.faults)<2)&&(((int)now.ready)>0))))
			continue;
		/* merge: faults = (faults+1)(243, 240, 243) */
		reached[11][240] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		/* merge: ready = ( ((ready<2)) -> ((ready+1)) : (ready) )(243, 241, 243) */
		reached[11][241] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		/* merge: .(goto)(0, 244, 243) */
		reached[11][244] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 91: // STATE 246 - jobq.pml:753 - [-end-] (0:0:0 - 1)
		IfNotBlocked
		reached[11][246] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */

		 /* PROC cli */
	case 92: // STATE 1 - jobq.pml:704 - [((!(cancelled)&&(st!=0)))] (13:0:2 - 1)
		IfNotBlocked
		reached[10][1] = 1;
		if (!(( !(((int)((P10 *)_this)->cancelled))&&(((int)now.st)!=0))))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: cancelled */  (trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((P10 *)_this)->cancelled;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P10 *)_this)->cancelled = 0;
		/* merge: cancelled = 1(0, 2, 13) */
		reached[10][2] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P10 *)_this)->cancelled);
		((P10 *)_this)->cancelled = 1;
#ifdef VAR_RANGES
		logval("cli:cancelled", ((int)((P10 *)_this)->cancelled));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 93: // STATE 3 - jobq.pml:706 - [(((st==1)||(st==2)))] (7:0:1 - 1)
		IfNotBlocked
		reached[10][3] = 1;
		if (!(((((int)now.st)==1)||(((int)now.st)==2))))
			continue;
		/* merge: st = 6(0, 4, 7) */
		reached[10][4] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 6;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 94: // STATE 5 - jobq.pml:163 - [terms = (terms+1)] (0:60:4 - 1)
		IfNotBlocked
		reached[10][5] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.terms);
		now.terms = (((int)now.terms)+1);
#ifdef VAR_RANGES
		logval("terms", ((int)now.terms));
#endif
		;
		/* merge: assert((terms<=runs))(60, 6, 60) */
		reached[10][6] = 1;
		spin_assert((((int)now.terms)<=((int)now.runs)), "(terms<=runs)", II, tt, t);
		/* merge: creq = 1(60, 8, 60) */
		reached[10][8] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.creq);
		now.creq = 1;
#ifdef VAR_RANGES
		logval("creq", ((int)now.creq));
#endif
		;
		/* merge: .(goto)(60, 14, 60) */
		reached[10][14] = 1;
		;
		/* merge: fanout[0] = alive[0](60, 15, 60) */
		reached[10][15] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.fanout[0]);
		now.fanout[0] = ((int)now.alive[0]);
#ifdef VAR_RANGES
		logval("fanout[0]", ((int)now.fanout[0]));
#endif
		;
		/* merge: fanout[1] = alive[1](60, 16, 60) */
		reached[10][16] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.fanout[1]);
		now.fanout[1] = ((int)now.alive[1]);
#ifdef VAR_RANGES
		logval("fanout[1]", ((int)now.fanout[1]));
#endif
		;
		/* merge: .(goto)(0, 61, 60) */
		reached[10][61] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 95: // STATE 9 - jobq.pml:707 - [((st==3))] (60:0:3 - 1)
		IfNotBlocked
		reached[10][9] = 1;
		if (!((((int)now.st)==3)))
			continue;
		/* merge: creq = 1(60, 10, 60) */
		reached[10][10] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.creq);
		now.creq = 1;
#ifdef VAR_RANGES
		logval("creq", ((int)now.creq));
#endif
		;
		/* merge: .(goto)(60, 14, 60) */
		reached[10][14] = 1;
		;
		/* merge: fanout[0] = alive[0](60, 15, 60) */
		reached[10][15] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.fanout[0]);
		now.fanout[0] = ((int)now.alive[0]);
#ifdef VAR_RANGES
		logval("fanout[0]", ((int)now.fanout[0]));
#endif
		;
		/* merge: fanout[1] = alive[1](60, 16, 60) */
		reached[10][16] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.fanout[1]);
		now.fanout[1] = ((int)now.alive[1]);
#ifdef VAR_RANGES
		logval("fanout[1]", ((int)now.fanout[1]));
#endif
		;
		/* merge: .(goto)(0, 61, 60) */
		reached[10][61] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 96: // STATE 12 - jobq.pml:708 - [(1)] (60:0:2 - 1)
		IfNotBlocked
		reached[10][12] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(60, 14, 60) */
		reached[10][14] = 1;
		;
		/* merge: fanout[0] = alive[0](60, 15, 60) */
		reached[10][15] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.fanout[0]);
		now.fanout[0] = ((int)now.alive[0]);
#ifdef VAR_RANGES
		logval("fanout[0]", ((int)now.fanout[0]));
#endif
		;
		/* merge: fanout[1] = alive[1](60, 16, 60) */
		reached[10][16] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.fanout[1]);
		now.fanout[1] = ((int)now.alive[1]);
#ifdef VAR_RANGES
		logval("fanout[1]", ((int)now.fanout[1]));
#endif
		;
		/* merge: .(goto)(0, 61, 60) */
		reached[10][61] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 97: // STATE 15 - jobq.pml:710 - [fanout[0] = alive[0]] (0:60:2 - 4)
		IfNotBlocked
		reached[10][15] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.fanout[0]);
		now.fanout[0] = ((int)now.alive[0]);
#ifdef VAR_RANGES
		logval("fanout[0]", ((int)now.fanout[0]));
#endif
		;
		/* merge: fanout[1] = alive[1](60, 16, 60) */
		reached[10][16] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.fanout[1]);
		now.fanout[1] = ((int)now.alive[1]);
#ifdef VAR_RANGES
		logval("fanout[1]", ((int)now.fanout[1]));
#endif
		;
		/* merge: .(goto)(0, 61, 60) */
		reached[10][61] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 98: // STATE 18 - jobq.pml:711 - [((!(retried)&&((st==5)||(st==6))))] (24:0:4 - 1)
		IfNotBlocked
		reached[10][18] = 1;
		if (!(( !(((int)((P10 *)_this)->retried))&&((((int)now.st)==5)||(((int)now.st)==6)))))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: retried */  (trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((P10 *)_this)->retried;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P10 *)_this)->retried = 0;
		/* merge: retried = 1(24, 19, 24) */
		reached[10][19] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P10 *)_this)->retried);
		((P10 *)_this)->retried = 1;
#ifdef VAR_RANGES
		logval("cli:retried", ((int)((P10 *)_this)->retried));
#endif
		;
		/* merge: st = 1(24, 20, 24) */
		reached[10][20] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.st);
		now.st = 1;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		/* merge: att = 0(24, 21, 24) */
		reached[10][21] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.att);
		now.att = 0;
#ifdef VAR_RANGES
		logval("att", ((int)now.att));
#endif
		;
		_m = 3; goto P999; /* 3 */
	case 99: // STATE 22 - jobq.pml:169 - [tok = (tok+1)] (0:45:8 - 1)
		IfNotBlocked
		reached[10][22] = 1;
		(trpt+1)->bup.ovals = grab_ints(8);
		(trpt+1)->bup.ovals[0] = ((int)now.tok);
		now.tok = (((int)now.tok)+1);
#ifdef VAR_RANGES
		logval("tok", ((int)now.tok));
#endif
		;
		/* merge: assert((tok<250))(45, 23, 45) */
		reached[10][23] = 1;
		spin_assert((((int)now.tok)<250), "(tok<250)", II, tt, t);
		/* merge: creq = 0(45, 25, 45) */
		reached[10][25] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.creq);
		now.creq = 0;
#ifdef VAR_RANGES
		logval("creq", ((int)now.creq));
#endif
		;
		/* merge: pub = 0(45, 26, 45) */
		reached[10][26] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.pub);
		now.pub = 0;
#ifdef VAR_RANGES
		logval("pub", ((int)now.pub));
#endif
		;
		/* merge: grace = 1(45, 27, 45) */
		reached[10][27] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.grace);
		now.grace = 1;
#ifdef VAR_RANGES
		logval("grace", ((int)now.grace));
#endif
		;
		/* merge: owner = 0(45, 28, 45) */
		reached[10][28] = 1;
		(trpt+1)->bup.ovals[4] = ((int)now.owner);
		now.owner = 0;
#ifdef VAR_RANGES
		logval("owner", ((int)now.owner));
#endif
		;
		/* merge: expired = 0(45, 29, 45) */
		reached[10][29] = 1;
		(trpt+1)->bup.ovals[5] = ((int)now.expired);
		now.expired = 0;
#ifdef VAR_RANGES
		logval("expired", ((int)now.expired));
#endif
		;
		/* merge: runs = (runs+1)(45, 30, 45) */
		reached[10][30] = 1;
		(trpt+1)->bup.ovals[6] = ((int)now.runs);
		now.runs = (((int)now.runs)+1);
#ifdef VAR_RANGES
		logval("runs", ((int)now.runs));
#endif
		;
		/* merge: rt = tok(45, 31, 45) */
		reached[10][31] = 1;
		(trpt+1)->bup.ovals[7] = ((int)((P10 *)_this)->rt);
		((P10 *)_this)->rt = ((int)now.tok);
#ifdef VAR_RANGES
		logval("cli:rt", ((int)((P10 *)_this)->rt));
#endif
		;
		_m = 3; goto P999; /* 8 */
	case 100: // STATE 33 - jobq.pml:286 - [ready = ( ((ready<2)) -> ((ready+1)) : (ready) )] (0:56:2 - 1)
		IfNotBlocked
		reached[10][33] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		/* merge: conf = 1(56, 34, 56) */
		reached[10][34] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P10 *)_this)->conf);
		((P10 *)_this)->conf = 1;
#ifdef VAR_RANGES
		logval("cli:conf", ((int)((P10 *)_this)->conf));
#endif
		;
		/* merge: .(goto)(56, 43, 56) */
		reached[10][43] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 101: // STATE 43 - jobq.pml:290 - [.(goto)] (0:56:0 - 3)
		IfNotBlocked
		reached[10][43] = 1;
		;
		_m = 3; goto P999; /* 0 */
	case 102: // STATE 35 - jobq.pml:287 - [((faults<2))] (56:0:3 - 1)
		IfNotBlocked
		reached[10][35] = 1;
		if (!((((int)now.faults)<2)))
			continue;
		/* merge: faults = (faults+1)(56, 36, 56) */
		reached[10][36] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		/* merge: ready = ( ((ready<2)) -> ((ready+1)) : (ready) )(56, 37, 56) */
		reached[10][37] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		/* merge: conf = 0(56, 38, 56) */
		reached[10][38] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P10 *)_this)->conf);
		((P10 *)_this)->conf = 0;
#ifdef VAR_RANGES
		logval("cli:conf", ((int)((P10 *)_this)->conf));
#endif
		;
		/* merge: .(goto)(56, 43, 56) */
		reached[10][43] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 103: // STATE 39 - jobq.pml:288 - [((faults<2))] (56:0:2 - 1)
		IfNotBlocked
		reached[10][39] = 1;
		if (!((((int)now.faults)<2)))
			continue;
		/* merge: faults = (faults+1)(56, 40, 56) */
		reached[10][40] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		/* merge: conf = 0(56, 41, 56) */
		reached[10][41] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P10 *)_this)->conf);
		((P10 *)_this)->conf = 0;
#ifdef VAR_RANGES
		logval("cli:conf", ((int)((P10 *)_this)->conf));
#endif
		;
		/* merge: .(goto)(56, 43, 56) */
		reached[10][43] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 104: // STATE 46 - jobq.pml:716 - [(conf)] (0:0:1 - 1)
		IfNotBlocked
		reached[10][46] = 1;
		if (!(((int)((P10 *)_this)->conf)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: conf */  (trpt+1)->bup.oval = ((P10 *)_this)->conf;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P10 *)_this)->conf = 0;
		_m = 3; goto P999; /* 0 */
	case 105: // STATE 47 - jobq.pml:717 - [(((((st==1)&&!(pub))&&grace)&&(tok==rt)))] (60:0:4 - 1)
		IfNotBlocked
		reached[10][47] = 1;
		if (!(((((((int)now.st)==1)&& !(((int)now.pub)))&&((int)now.grace))&&(((int)now.tok)==((int)((P10 *)_this)->rt)))))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: rt */  (trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((P10 *)_this)->rt;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P10 *)_this)->rt = 0;
		/* merge: pub = 1(60, 48, 60) */
		reached[10][48] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.pub);
		now.pub = 1;
#ifdef VAR_RANGES
		logval("pub", ((int)now.pub));
#endif
		;
		/* merge: .(goto)(60, 52, 60) */
		reached[10][52] = 1;
		;
		/* merge: .(goto)(60, 57, 60) */
		reached[10][57] = 1;
		;
		/* merge: rt = 0(60, 58, 60) */
		reached[10][58] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P10 *)_this)->rt);
		((P10 *)_this)->rt = 0;
#ifdef VAR_RANGES
		logval("cli:rt", ((int)((P10 *)_this)->rt));
#endif
		;
		/* merge: conf = 0(60, 59, 60) */
		reached[10][59] = 1;
		(trpt+1)->bup.ovals[3] = ((int)((P10 *)_this)->conf);
		((P10 *)_this)->conf = 0;
#ifdef VAR_RANGES
		logval("cli:conf", ((int)((P10 *)_this)->conf));
#endif
		;
		/* merge: .(goto)(0, 61, 60) */
		reached[10][61] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 106: // STATE 52 - jobq.pml:719 - [.(goto)] (0:60:2 - 2)
		IfNotBlocked
		reached[10][52] = 1;
		;
		/* merge: .(goto)(60, 57, 60) */
		reached[10][57] = 1;
		;
		/* merge: rt = 0(60, 58, 60) */
		reached[10][58] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P10 *)_this)->rt);
		((P10 *)_this)->rt = 0;
#ifdef VAR_RANGES
		logval("cli:rt", ((int)((P10 *)_this)->rt));
#endif
		;
		/* merge: conf = 0(60, 59, 60) */
		reached[10][59] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P10 *)_this)->conf);
		((P10 *)_this)->conf = 0;
#ifdef VAR_RANGES
		logval("cli:conf", ((int)((P10 *)_this)->conf));
#endif
		;
		/* merge: .(goto)(0, 61, 60) */
		reached[10][61] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 107: // STATE 50 - jobq.pml:718 - [(1)] (60:0:2 - 1)
		IfNotBlocked
		reached[10][50] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(60, 52, 60) */
		reached[10][52] = 1;
		;
		/* merge: .(goto)(60, 57, 60) */
		reached[10][57] = 1;
		;
		/* merge: rt = 0(60, 58, 60) */
		reached[10][58] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P10 *)_this)->rt);
		((P10 *)_this)->rt = 0;
#ifdef VAR_RANGES
		logval("cli:rt", ((int)((P10 *)_this)->rt));
#endif
		;
		/* merge: conf = 0(60, 59, 60) */
		reached[10][59] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P10 *)_this)->conf);
		((P10 *)_this)->conf = 0;
#ifdef VAR_RANGES
		logval("cli:conf", ((int)((P10 *)_this)->conf));
#endif
		;
		/* merge: .(goto)(0, 61, 60) */
		reached[10][61] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 108: // STATE 55 - jobq.pml:720 - [(1)] (60:0:2 - 1)
		IfNotBlocked
		reached[10][55] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(60, 57, 60) */
		reached[10][57] = 1;
		;
		/* merge: rt = 0(60, 58, 60) */
		reached[10][58] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P10 *)_this)->rt);
		((P10 *)_this)->rt = 0;
#ifdef VAR_RANGES
		logval("cli:rt", ((int)((P10 *)_this)->rt));
#endif
		;
		/* merge: conf = 0(60, 59, 60) */
		reached[10][59] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P10 *)_this)->conf);
		((P10 *)_this)->conf = 0;
#ifdef VAR_RANGES
		logval("cli:conf", ((int)((P10 *)_this)->conf));
#endif
		;
		/* merge: .(goto)(0, 61, 60) */
		reached[10][61] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 109: // STATE 58 - jobq.pml:722 - [rt = 0] (0:60:2 - 3)
		IfNotBlocked
		reached[10][58] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P10 *)_this)->rt);
		((P10 *)_this)->rt = 0;
#ifdef VAR_RANGES
		logval("cli:rt", ((int)((P10 *)_this)->rt));
#endif
		;
		/* merge: conf = 0(60, 59, 60) */
		reached[10][59] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P10 *)_this)->conf);
		((P10 *)_this)->conf = 0;
#ifdef VAR_RANGES
		logval("cli:conf", ((int)((P10 *)_this)->conf));
#endif
		;
		/* merge: .(goto)(0, 61, 60) */
		reached[10][61] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 110: // STATE 63 - jobq.pml:724 - [-end-] (0:0:0 - 1)
		IfNotBlocked
		reached[10][63] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */

		 /* PROC submitter */
	case 111: // STATE 1 - jobq.pml:678 - [st = 1] (0:35:3 - 1)
		IfNotBlocked
		reached[9][1] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.st);
		now.st = 1;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		/* merge: tok = 1(35, 2, 35) */
		reached[9][2] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.tok);
		now.tok = 1;
#ifdef VAR_RANGES
		logval("tok", ((int)now.tok));
#endif
		;
		/* merge: grace = 1(35, 3, 35) */
		reached[9][3] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.grace);
		now.grace = 1;
#ifdef VAR_RANGES
		logval("grace", ((int)now.grace));
#endif
		;
		_m = 3; goto P999; /* 2 */
	case 112: // STATE 5 - jobq.pml:680 - [((faults<2))] (37:0:1 - 1)
		IfNotBlocked
		reached[9][5] = 1;
		if (!((((int)now.faults)<2)))
			continue;
		/* merge: faults = (faults+1)(0, 6, 37) */
		reached[9][6] = 1;
		(trpt+1)->bup.oval = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		/* merge: .(goto)(0, 36, 37) */
		reached[9][36] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 113: // STATE 9 - jobq.pml:683 - [ready = ( ((ready<2)) -> ((ready+1)) : (ready) )] (0:33:2 - 1)
		IfNotBlocked
		reached[9][9] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		/* merge: conf = 1(33, 10, 33) */
		reached[9][10] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P9 *)_this)->conf);
		((P9 *)_this)->conf = 1;
#ifdef VAR_RANGES
		logval("submitter:conf", ((int)((P9 *)_this)->conf));
#endif
		;
		/* merge: .(goto)(0, 22, 33) */
		reached[9][22] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 114: // STATE 12 - jobq.pml:684 - [((faults<2))] (33:0:3 - 1)
		IfNotBlocked
		reached[9][12] = 1;
		if (!((((int)now.faults)<2)))
			continue;
		/* merge: faults = (faults+1)(33, 13, 33) */
		reached[9][13] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		/* merge: ready = ( ((ready<2)) -> ((ready+1)) : (ready) )(33, 14, 33) */
		reached[9][14] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		/* merge: conf = 0(33, 15, 33) */
		reached[9][15] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P9 *)_this)->conf);
		((P9 *)_this)->conf = 0;
#ifdef VAR_RANGES
		logval("submitter:conf", ((int)((P9 *)_this)->conf));
#endif
		;
		/* merge: .(goto)(0, 22, 33) */
		reached[9][22] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 115: // STATE 17 - jobq.pml:685 - [((faults<2))] (33:0:2 - 1)
		IfNotBlocked
		reached[9][17] = 1;
		if (!((((int)now.faults)<2)))
			continue;
		/* merge: faults = (faults+1)(33, 18, 33) */
		reached[9][18] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		/* merge: conf = 0(33, 19, 33) */
		reached[9][19] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P9 *)_this)->conf);
		((P9 *)_this)->conf = 0;
#ifdef VAR_RANGES
		logval("submitter:conf", ((int)((P9 *)_this)->conf));
#endif
		;
		/* merge: .(goto)(0, 22, 33) */
		reached[9][22] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 116: // STATE 23 - jobq.pml:688 - [(conf)] (0:0:1 - 1)
		IfNotBlocked
		reached[9][23] = 1;
		if (!(((int)((P9 *)_this)->conf)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: conf */  (trpt+1)->bup.oval = ((P9 *)_this)->conf;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P9 *)_this)->conf = 0;
		_m = 3; goto P999; /* 0 */
	case 117: // STATE 24 - jobq.pml:689 - [(((((st==1)&&!(pub))&&grace)&&(tok==1)))] (37:0:1 - 1)
		IfNotBlocked
		reached[9][24] = 1;
		if (!(((((((int)now.st)==1)&& !(((int)now.pub)))&&((int)now.grace))&&(((int)now.tok)==1))))
			continue;
		/* merge: pub = 1(37, 25, 37) */
		reached[9][25] = 1;
		(trpt+1)->bup.oval = ((int)now.pub);
		now.pub = 1;
#ifdef VAR_RANGES
		logval("pub", ((int)now.pub));
#endif
		;
		/* merge: .(goto)(37, 29, 37) */
		reached[9][29] = 1;
		;
		/* merge: .(goto)(0, 34, 37) */
		reached[9][34] = 1;
		;
		/* merge: .(goto)(0, 36, 37) */
		reached[9][36] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 118: // STATE 29 - jobq.pml:691 - [.(goto)] (0:37:0 - 2)
		IfNotBlocked
		reached[9][29] = 1;
		;
		/* merge: .(goto)(0, 34, 37) */
		reached[9][34] = 1;
		;
		/* merge: .(goto)(0, 36, 37) */
		reached[9][36] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 119: // STATE 27 - jobq.pml:690 - [(1)] (37:0:0 - 1)
		IfNotBlocked
		reached[9][27] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(37, 29, 37) */
		reached[9][29] = 1;
		;
		/* merge: .(goto)(0, 34, 37) */
		reached[9][34] = 1;
		;
		/* merge: .(goto)(0, 36, 37) */
		reached[9][36] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 120: // STATE 37 - jobq.pml:695 - [-end-] (0:0:0 - 5)
		IfNotBlocked
		reached[9][37] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */

		 /* PROC relay */
	case 121: // STATE 1 - jobq.pml:654 - [((((((alive[w]&&!(paused[w]))&&((st==1)||(st==2)))&&!(pub))&&!(grace))&&due))] (5:0:1 - 1)
		IfNotBlocked
		reached[8][1] = 1;
		if (!((((((((int)now.alive[ Index(((int)((P8 *)_this)->w), 2) ])&& !(((int)now.paused[ Index(((int)((P8 *)_this)->w), 2) ])))&&((((int)now.st)==1)||(((int)now.st)==2)))&& !(((int)now.pub)))&& !(((int)now.grace)))&&((int)now.due))))
			continue;
		/* merge: st = 1(0, 2, 5) */
		reached[8][2] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 1;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 122: // STATE 3 - jobq.pml:169 - [tok = (tok+1)
		// bad hop jobq.pml:656 -- at 39, <unless> looking for 22 -- merge 0:0:0 ] (0:22:3 - 1)
		IfNotBlocked
		reached[8][3] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.tok);
		now.tok = (((int)now.tok)+1);
#ifdef VAR_RANGES
		logval("tok", ((int)now.tok));
#endif
		;
		/* merge: assert((tok<250))(22, 4, 22) */
		reached[8][4] = 1;
		spin_assert((((int)now.tok)<250), "(tok<250)", II, tt, t);
		/* merge: grace = 1(22, 6, 22) */
		reached[8][6] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.grace);
		now.grace = 1;
#ifdef VAR_RANGES
		logval("grace", ((int)now.grace));
#endif
		;
		/* merge: rt = tok(22, 7, 22) */
		reached[8][7] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P8 *)_this)->rt);
		((P8 *)_this)->rt = ((int)now.tok);
#ifdef VAR_RANGES
		logval("relay:rt", ((int)((P8 *)_this)->rt));
#endif
		;
		/* stop at bad hop 39, 22 */
		_m = 3; goto P999; /* 3 */
	case 123: // STATE 9 - jobq.pml:273 - [((alive[w]&&!(paused[w])))] (0:0:0 - 1)
		IfNotBlocked
		reached[8][9] = 1;
		if (!((((int)now.alive[ Index(((int)((P8 *)_this)->w), 2) ])&& !(((int)now.paused[ Index(((int)((P8 *)_this)->w), 2) ])))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 124: // STATE 38 - jobq.pml:666 - [(!(alive[w]))] (0:0:0 - 20)
		IfNotBlocked
		reached[8][38] = 1;
		if (!( !(((int)now.alive[ Index(((int)((P8 *)_this)->w), 2) ]))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 125: // STATE 10 - jobq.pml:275 - [ready = ( ((ready<2)) -> ((ready+1)) : (ready) )] (0:0:1 - 1)
		IfNotBlocked
		reached[8][10] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 126: // STATE 11 - jobq.pml:275 - [conf = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[8][11] = 1;
		(trpt+1)->bup.oval = ((int)((P8 *)_this)->conf);
		((P8 *)_this)->conf = 1;
#ifdef VAR_RANGES
		logval("relay:conf", ((int)((P8 *)_this)->conf));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 127: // STATE 12 - jobq.pml:276 - [((faults<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[8][12] = 1;
		if (!((((int)now.faults)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 128: // STATE 13 - jobq.pml:276 - [faults = (faults+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[8][13] = 1;
		(trpt+1)->bup.oval = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 129: // STATE 14 - jobq.pml:276 - [ready = ( ((ready<2)) -> ((ready+1)) : (ready) )] (0:0:1 - 1)
		IfNotBlocked
		reached[8][14] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 130: // STATE 15 - jobq.pml:276 - [conf = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[8][15] = 1;
		(trpt+1)->bup.oval = ((int)((P8 *)_this)->conf);
		((P8 *)_this)->conf = 0;
#ifdef VAR_RANGES
		logval("relay:conf", ((int)((P8 *)_this)->conf));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 131: // STATE 16 - jobq.pml:277 - [((faults<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[8][16] = 1;
		if (!((((int)now.faults)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 132: // STATE 17 - jobq.pml:277 - [faults = (faults+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[8][17] = 1;
		(trpt+1)->bup.oval = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 133: // STATE 18 - jobq.pml:277 - [conf = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[8][18] = 1;
		(trpt+1)->bup.oval = ((int)((P8 *)_this)->conf);
		((P8 *)_this)->conf = 0;
#ifdef VAR_RANGES
		logval("relay:conf", ((int)((P8 *)_this)->conf));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 134: // STATE 23 - jobq.pml:659 - [(conf)] (0:0:1 - 1)
		IfNotBlocked
		reached[8][23] = 1;
		if (!(((int)((P8 *)_this)->conf)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: conf */  (trpt+1)->bup.oval = ((P8 *)_this)->conf;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P8 *)_this)->conf = 0;
		_m = 3; goto P999; /* 0 */
	case 135: // STATE 24 - jobq.pml:659 - [((alive[w]&&!(paused[w])))] (0:0:0 - 1)
		IfNotBlocked
		reached[8][24] = 1;
		if (!((((int)now.alive[ Index(((int)((P8 *)_this)->w), 2) ])&& !(((int)now.paused[ Index(((int)((P8 *)_this)->w), 2) ])))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 136: // STATE 25 - jobq.pml:660 - [((((st==1)&&!(pub))&&(tok==rt)))] (0:0:1 - 1)
		IfNotBlocked
		reached[8][25] = 1;
		if (!((((((int)now.st)==1)&& !(((int)now.pub)))&&(((int)now.tok)==((int)((P8 *)_this)->rt)))))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: rt */  (trpt+1)->bup.oval = ((P8 *)_this)->rt;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P8 *)_this)->rt = 0;
		_m = 3; goto P999; /* 0 */
	case 137: // STATE 26 - jobq.pml:660 - [pub = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[8][26] = 1;
		(trpt+1)->bup.oval = ((int)now.pub);
		now.pub = 1;
#ifdef VAR_RANGES
		logval("pub", ((int)now.pub));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 138: // STATE 36 - jobq.pml:665 - [rt = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[8][36] = 1;
		(trpt+1)->bup.oval = ((int)((P8 *)_this)->rt);
		((P8 *)_this)->rt = 0;
#ifdef VAR_RANGES
		logval("relay:rt", ((int)((P8 *)_this)->rt));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 139: // STATE 37 - jobq.pml:665 - [conf = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[8][37] = 1;
		(trpt+1)->bup.oval = ((int)((P8 *)_this)->conf);
		((P8 *)_this)->conf = 0;
#ifdef VAR_RANGES
		logval("relay:conf", ((int)((P8 *)_this)->conf));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 140: // STATE 41 - jobq.pml:667 - [rt = 0] (0:68:2 - 1)
		IfNotBlocked
		reached[8][41] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P8 *)_this)->rt);
		((P8 *)_this)->rt = 0;
#ifdef VAR_RANGES
		logval("relay:rt", ((int)((P8 *)_this)->rt));
#endif
		;
		/* merge: conf = 0(68, 42, 68) */
		reached[8][42] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P8 *)_this)->conf);
		((P8 *)_this)->conf = 0;
#ifdef VAR_RANGES
		logval("relay:conf", ((int)((P8 *)_this)->conf));
#endif
		;
		/* merge: .(goto)(0, 69, 68) */
		reached[8][69] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 141: // STATE 44 - jobq.pml:668 - [((((alive[w]&&!(paused[w]))&&(st==3))&&expired))] (0:0:0 - 1)
		IfNotBlocked
		reached[8][44] = 1;
		if (!((((((int)now.alive[ Index(((int)((P8 *)_this)->w), 2) ])&& !(((int)now.paused[ Index(((int)((P8 *)_this)->w), 2) ])))&&(((int)now.st)==3))&&((int)now.expired))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 142: // STATE 45 - jobq.pml:169 - [tok = (tok+1)] (0:64:5 - 1)
		IfNotBlocked
		reached[8][45] = 1;
		(trpt+1)->bup.ovals = grab_ints(5);
		(trpt+1)->bup.ovals[0] = ((int)now.tok);
		now.tok = (((int)now.tok)+1);
#ifdef VAR_RANGES
		logval("tok", ((int)now.tok));
#endif
		;
		/* merge: assert((tok<250))(64, 46, 64) */
		reached[8][46] = 1;
		spin_assert((((int)now.tok)<250), "(tok<250)", II, tt, t);
		/* merge: expired = 0(64, 48, 64) */
		reached[8][48] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.expired);
		now.expired = 0;
#ifdef VAR_RANGES
		logval("expired", ((int)now.expired));
#endif
		;
		/* merge: owner = 0(64, 49, 64) */
		reached[8][49] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.owner);
		now.owner = 0;
#ifdef VAR_RANGES
		logval("owner", ((int)now.owner));
#endif
		;
		/* merge: pub = 0(64, 50, 64) */
		reached[8][50] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.pub);
		now.pub = 0;
#ifdef VAR_RANGES
		logval("pub", ((int)now.pub));
#endif
		;
		/* merge: grace = 0(64, 51, 64) */
		reached[8][51] = 1;
		(trpt+1)->bup.ovals[4] = ((int)now.grace);
		now.grace = 0;
#ifdef VAR_RANGES
		logval("grace", ((int)now.grace));
#endif
		;
		_m = 3; goto P999; /* 5 */
	case 143: // STATE 52 - jobq.pml:183 - [(creq)] (56:0:1 - 1)
		IfNotBlocked
		reached[8][52] = 1;
		if (!(((int)now.creq)))
			continue;
		/* merge: st = 6(0, 53, 56) */
		reached[8][53] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 6;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 144: // STATE 54 - jobq.pml:163 - [terms = (terms+1)] (0:68:1 - 1)
		IfNotBlocked
		reached[8][54] = 1;
		(trpt+1)->bup.oval = ((int)now.terms);
		now.terms = (((int)now.terms)+1);
#ifdef VAR_RANGES
		logval("terms", ((int)now.terms));
#endif
		;
		/* merge: assert((terms<=runs))(68, 55, 68) */
		reached[8][55] = 1;
		spin_assert((((int)now.terms)<=((int)now.runs)), "(terms<=runs)", II, tt, t);
		/* merge: .(goto)(68, 65, 68) */
		reached[8][65] = 1;
		;
		/* merge: .(goto)(0, 69, 68) */
		reached[8][69] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 145: // STATE 65 - jobq.pml:187 - [.(goto)] (0:68:0 - 3)
		IfNotBlocked
		reached[8][65] = 1;
		;
		/* merge: .(goto)(0, 69, 68) */
		reached[8][69] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 146: // STATE 57 - jobq.pml:184 - [((!(creq)&&(att>=2)))] (61:0:1 - 1)
		IfNotBlocked
		reached[8][57] = 1;
		if (!(( !(((int)now.creq))&&(((int)now.att)>=2))))
			continue;
		/* merge: st = 5(0, 58, 61) */
		reached[8][58] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 5;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 147: // STATE 59 - jobq.pml:163 - [terms = (terms+1)] (0:68:1 - 1)
		IfNotBlocked
		reached[8][59] = 1;
		(trpt+1)->bup.oval = ((int)now.terms);
		now.terms = (((int)now.terms)+1);
#ifdef VAR_RANGES
		logval("terms", ((int)now.terms));
#endif
		;
		/* merge: assert((terms<=runs))(68, 60, 68) */
		reached[8][60] = 1;
		spin_assert((((int)now.terms)<=((int)now.runs)), "(terms<=runs)", II, tt, t);
		/* merge: .(goto)(68, 65, 68) */
		reached[8][65] = 1;
		;
		/* merge: .(goto)(0, 69, 68) */
		reached[8][69] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 148: // STATE 63 - jobq.pml:185 - [st = 1] (0:68:1 - 1)
		IfNotBlocked
		reached[8][63] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 1;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		/* merge: .(goto)(68, 65, 68) */
		reached[8][65] = 1;
		;
		/* merge: .(goto)(0, 69, 68) */
		reached[8][69] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 149: // STATE 71 - jobq.pml:670 - [-end-] (0:0:0 - 1)
		IfNotBlocked
		reached[8][71] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */

		 /* PROC due_clock */
	case 150: // STATE 1 - jobq.pml:643 - [(!(due))] (4:0:1 - 1)
		IfNotBlocked
		reached[7][1] = 1;
		if (!( !(((int)now.due))))
			continue;
		/* merge: due = 1(0, 2, 4) */
		reached[7][2] = 1;
		(trpt+1)->bup.oval = ((int)now.due);
		now.due = 1;
#ifdef VAR_RANGES
		logval("due", ((int)now.due));
#endif
		;
		/* merge: .(goto)(0, 5, 4) */
		reached[7][5] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 151: // STATE 7 - jobq.pml:645 - [-end-] (0:0:0 - 1)
		IfNotBlocked
		reached[7][7] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */

		 /* PROC grace_clock */
	case 152: // STATE 1 - jobq.pml:636 - [(grace)] (4:0:1 - 1)
		IfNotBlocked
		reached[6][1] = 1;
		if (!(((int)now.grace)))
			continue;
		/* merge: grace = 0(0, 2, 4) */
		reached[6][2] = 1;
		(trpt+1)->bup.oval = ((int)now.grace);
		now.grace = 0;
#ifdef VAR_RANGES
		logval("grace", ((int)now.grace));
#endif
		;
		/* merge: .(goto)(0, 5, 4) */
		reached[6][5] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 153: // STATE 7 - jobq.pml:638 - [-end-] (0:0:0 - 1)
		IfNotBlocked
		reached[6][7] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */

		 /* PROC db_clock */
	case 154: // STATE 1 - jobq.pml:629 - [((((((st==3)&&!(expired))&&!(((eact[0]&&(etok[0]==tok))&&(eph[0]<2))))&&!(((eact[1]&&(etok[1]==tok))&&(eph[1]<2))))&&!(((eact[2]&&(etok[2]==tok))&&(eph[2]<2)))))] (4:0:1 - 1)
		IfNotBlocked
		reached[5][1] = 1;
		if (!((((((((int)now.st)==3)&& !(((int)now.expired)))&& !(((((int)now.eact[0])&&(((int)now.etok[0])==((int)now.tok)))&&(((int)now.eph[0])<2))))&& !(((((int)now.eact[1])&&(((int)now.etok[1])==((int)now.tok)))&&(((int)now.eph[1])<2))))&& !(((((int)now.eact[2])&&(((int)now.etok[2])==((int)now.tok)))&&(((int)now.eph[2])<2))))))
			continue;
		/* merge: expired = 1(0, 2, 4) */
		reached[5][2] = 1;
		(trpt+1)->bup.oval = ((int)now.expired);
		now.expired = 1;
#ifdef VAR_RANGES
		logval("expired", ((int)now.expired));
#endif
		;
		/* merge: .(goto)(0, 5, 4) */
		reached[5][5] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 155: // STATE 7 - jobq.pml:631 - [-end-] (0:0:0 - 1)
		IfNotBlocked
		reached[5][7] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */

		 /* PROC lease_clock */
	case 156: // STATE 1 - jobq.pml:615 - [(((eact[e]&&(etok[e]!=0))&&(eph[e]==0)))] (7:0:1 - 1)
		IfNotBlocked
		reached[4][1] = 1;
		if (!(((((int)now.eact[ Index(((int)((P4 *)_this)->e), 3) ])&&(((int)now.etok[ Index(((int)((P4 *)_this)->e), 3) ])!=0))&&(((int)now.eph[ Index(((int)((P4 *)_this)->e), 3) ])==0))))
			continue;
		/* merge: eph[e] = 1(0, 2, 7) */
		reached[4][2] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P4 *)_this)->e), 3) ]);
		now.eph[ Index(((P4 *)_this)->e, 3) ] = 1;
#ifdef VAR_RANGES
		logval("eph[lease_clock:e]", ((int)now.eph[ Index(((int)((P4 *)_this)->e), 3) ]));
#endif
		;
		/* merge: .(goto)(0, 8, 7) */
		reached[4][8] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 157: // STATE 4 - jobq.pml:619 - [(((eph[e]==1)&&!((hlive[e]&&alive[( ((e<2)) ? (0) : (1) )]))))] (7:0:1 - 1)
		IfNotBlocked
		reached[4][4] = 1;
		if (!(((((int)now.eph[ Index(((int)((P4 *)_this)->e), 3) ])==1)&& !((((int)now.hlive[ Index(((int)((P4 *)_this)->e), 3) ])&&((int)now.alive[ Index(( ((((int)((P4 *)_this)->e)<2)) ? (0) : (1) ), 2) ]))))))
			continue;
		/* merge: eph[e] = 2(0, 5, 7) */
		reached[4][5] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P4 *)_this)->e), 3) ]);
		now.eph[ Index(((P4 *)_this)->e, 3) ] = 2;
#ifdef VAR_RANGES
		logval("eph[lease_clock:e]", ((int)now.eph[ Index(((int)((P4 *)_this)->e), 3) ]));
#endif
		;
		/* merge: .(goto)(0, 8, 7) */
		reached[4][8] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 158: // STATE 10 - jobq.pml:622 - [-end-] (0:0:0 - 1)
		IfNotBlocked
		reached[4][10] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */

		 /* PROC fence */
	case 159: // STATE 1 - jobq.pml:602 - [((((((alive[( ((e<2)) ? (0) : (1) )]&&!(paused[( ((e<2)) ? (0) : (1) )]))&&eact[e])&&estart[e])&&!(elost[e]))&&(eph[e]>=1)))] (8:0:2 - 1)
		IfNotBlocked
		reached[3][1] = 1;
		if (!((((((((int)now.alive[ Index(( ((((int)((P3 *)_this)->e)<2)) ? (0) : (1) ), 2) ])&& !(((int)now.paused[ Index(( ((((int)((P3 *)_this)->e)<2)) ? (0) : (1) ), 2) ])))&&((int)now.eact[ Index(((int)((P3 *)_this)->e), 3) ]))&&((int)now.estart[ Index(((int)((P3 *)_this)->e), 3) ]))&& !(((int)now.elost[ Index(((int)((P3 *)_this)->e), 3) ])))&&(((int)now.eph[ Index(((int)((P3 *)_this)->e), 3) ])>=1))))
			continue;
		/* merge: elost[e] = 1(8, 2, 8) */
		reached[3][2] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.elost[ Index(((int)((P3 *)_this)->e), 3) ]);
		now.elost[ Index(((P3 *)_this)->e, 3) ] = 1;
#ifdef VAR_RANGES
		logval("elost[fence:e]", ((int)now.elost[ Index(((int)((P3 *)_this)->e), 3) ]));
#endif
		;
		/* merge: hlive[e] = 0(8, 3, 8) */
		reached[3][3] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.hlive[ Index(((int)((P3 *)_this)->e), 3) ]);
		now.hlive[ Index(((P3 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hlive[fence:e]", ((int)now.hlive[ Index(((int)((P3 *)_this)->e), 3) ]));
#endif
		;
		/* merge: .(goto)(0, 9, 8) */
		reached[3][9] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 160: // STATE 5 - jobq.pml:604 - [(((alive[( ((e<2)) ? (0) : (1) )]&&hlive[e])&&(eph[e]>=1)))] (8:0:1 - 1)
		IfNotBlocked
		reached[3][5] = 1;
		if (!(((((int)now.alive[ Index(( ((((int)((P3 *)_this)->e)<2)) ? (0) : (1) ), 2) ])&&((int)now.hlive[ Index(((int)((P3 *)_this)->e), 3) ]))&&(((int)now.eph[ Index(((int)((P3 *)_this)->e), 3) ])>=1))))
			continue;
		/* merge: hlive[e] = 0(0, 6, 8) */
		reached[3][6] = 1;
		(trpt+1)->bup.oval = ((int)now.hlive[ Index(((int)((P3 *)_this)->e), 3) ]);
		now.hlive[ Index(((P3 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hlive[fence:e]", ((int)now.hlive[ Index(((int)((P3 *)_this)->e), 3) ]));
#endif
		;
		/* merge: .(goto)(0, 9, 8) */
		reached[3][9] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 161: // STATE 11 - jobq.pml:606 - [-end-] (0:0:0 - 1)
		IfNotBlocked
		reached[3][11] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */

		 /* PROC keeper */
	case 162: // STATE 1 - jobq.pml:552 - [((((alive[w]&&!(paused[w]))&&lock[w])&&(hb[w]==0)))] (8:0:1 - 1)
		IfNotBlocked
		reached[2][1] = 1;
		if (!((((((int)now.alive[ Index(((int)((P2 *)_this)->w), 2) ])&& !(((int)now.paused[ Index(((int)((P2 *)_this)->w), 2) ])))&&((int)now.lock[ Index(((int)((P2 *)_this)->w), 2) ]))&&(((int)now.hb[ Index(((int)((P2 *)_this)->w), 2) ])==0))))
			continue;
		/* merge: hb[w] = 1(0, 2, 8) */
		reached[2][2] = 1;
		(trpt+1)->bup.oval = ((int)now.hb[ Index(((int)((P2 *)_this)->w), 2) ]);
		now.hb[ Index(((P2 *)_this)->w, 2) ] = 1;
#ifdef VAR_RANGES
		logval("hb[keeper:w]", ((int)now.hb[ Index(((int)((P2 *)_this)->w), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 163: // STATE 3 - jobq.pml:554 - [(((((w==0)&&eact[0])&&estart[0])&&!(elost[0])))] (15:0:2 - 1)
		IfNotBlocked
		reached[2][3] = 1;
		if (!(((((((int)((P2 *)_this)->w)==0)&&((int)now.eact[0]))&&((int)now.estart[0]))&& !(((int)now.elost[0])))))
			continue;
		/* merge: hbs[0] = 1(15, 4, 15) */
		reached[2][4] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.hbs[0]);
		now.hbs[0] = 1;
#ifdef VAR_RANGES
		logval("hbs[0]", ((int)now.hbs[0]));
#endif
		;
		/* merge: hbt[0] = etok[0](15, 5, 15) */
		reached[2][5] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.hbt[0]);
		now.hbt[0] = ((int)now.etok[0]);
#ifdef VAR_RANGES
		logval("hbt[0]", ((int)now.hbt[0]));
#endif
		;
		/* merge: .(goto)(0, 9, 15) */
		reached[2][9] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 164: // STATE 7 - jobq.pml:555 - [hbs[0] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[2][7] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[0]);
		now.hbs[0] = 0;
#ifdef VAR_RANGES
		logval("hbs[0]", ((int)now.hbs[0]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 165: // STATE 10 - jobq.pml:556 - [(((((w==0)&&eact[1])&&estart[1])&&!(elost[1])))] (22:0:2 - 1)
		IfNotBlocked
		reached[2][10] = 1;
		if (!(((((((int)((P2 *)_this)->w)==0)&&((int)now.eact[1]))&&((int)now.estart[1]))&& !(((int)now.elost[1])))))
			continue;
		/* merge: hbs[1] = 1(22, 11, 22) */
		reached[2][11] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.hbs[1]);
		now.hbs[1] = 1;
#ifdef VAR_RANGES
		logval("hbs[1]", ((int)now.hbs[1]));
#endif
		;
		/* merge: hbt[1] = etok[1](22, 12, 22) */
		reached[2][12] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.hbt[1]);
		now.hbt[1] = ((int)now.etok[1]);
#ifdef VAR_RANGES
		logval("hbt[1]", ((int)now.hbt[1]));
#endif
		;
		/* merge: .(goto)(0, 16, 22) */
		reached[2][16] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 166: // STATE 14 - jobq.pml:557 - [hbs[1] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[2][14] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[1]);
		now.hbs[1] = 0;
#ifdef VAR_RANGES
		logval("hbs[1]", ((int)now.hbs[1]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 167: // STATE 17 - jobq.pml:558 - [(((((w==1)&&eact[2])&&estart[2])&&!(elost[2])))] (146:0:2 - 1)
		IfNotBlocked
		reached[2][17] = 1;
		if (!(((((((int)((P2 *)_this)->w)==1)&&((int)now.eact[2]))&&((int)now.estart[2]))&& !(((int)now.elost[2])))))
			continue;
		/* merge: hbs[2] = 1(146, 18, 146) */
		reached[2][18] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.hbs[2]);
		now.hbs[2] = 1;
#ifdef VAR_RANGES
		logval("hbs[2]", ((int)now.hbs[2]));
#endif
		;
		/* merge: hbt[2] = etok[2](146, 19, 146) */
		reached[2][19] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.hbt[2]);
		now.hbt[2] = ((int)now.etok[2]);
#ifdef VAR_RANGES
		logval("hbt[2]", ((int)now.hbt[2]));
#endif
		;
		/* merge: .(goto)(146, 23, 146) */
		reached[2][23] = 1;
		;
		/* merge: .(goto)(0, 147, 146) */
		reached[2][147] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 168: // STATE 23 - jobq.pml:559 - [.(goto)] (0:146:0 - 2)
		IfNotBlocked
		reached[2][23] = 1;
		;
		/* merge: .(goto)(0, 147, 146) */
		reached[2][147] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 169: // STATE 21 - jobq.pml:559 - [hbs[2] = 0] (0:146:1 - 1)
		IfNotBlocked
		reached[2][21] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[2]);
		now.hbs[2] = 0;
#ifdef VAR_RANGES
		logval("hbs[2]", ((int)now.hbs[2]));
#endif
		;
		/* merge: .(goto)(146, 23, 146) */
		reached[2][23] = 1;
		;
		/* merge: .(goto)(0, 147, 146) */
		reached[2][147] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 170: // STATE 25 - jobq.pml:560 - [((alive[w]&&(hb[w]==1)))] (34:0:1 - 1)
		IfNotBlocked
		reached[2][25] = 1;
		if (!((((int)now.alive[ Index(((int)((P2 *)_this)->w), 2) ])&&(((int)now.hb[ Index(((int)((P2 *)_this)->w), 2) ])==1))))
			continue;
		/* merge: hb[w] = 2(0, 26, 34) */
		reached[2][26] = 1;
		(trpt+1)->bup.oval = ((int)now.hb[ Index(((int)((P2 *)_this)->w), 2) ]);
		now.hb[ Index(((P2 *)_this)->w, 2) ] = 2;
#ifdef VAR_RANGES
		logval("hb[keeper:w]", ((int)now.hb[ Index(((int)((P2 *)_this)->w), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 171: // STATE 27 - jobq.pml:562 - [(((hbs[0]==1)&&(((st==3)&&(owner==(w+1)))&&(tok==hbt[0]))))] (43:0:2 - 1)
		IfNotBlocked
		reached[2][27] = 1;
		if (!(((((int)now.hbs[0])==1)&&(((((int)now.st)==3)&&(((int)now.owner)==(((int)((P2 *)_this)->w)+1)))&&(((int)now.tok)==((int)now.hbt[0]))))))
			continue;
		/* merge: expired = 0(43, 28, 43) */
		reached[2][28] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.expired);
		now.expired = 0;
#ifdef VAR_RANGES
		logval("expired", ((int)now.expired));
#endif
		;
		/* merge: hbs[0] = ( (creq) -> (3) : (2) )(43, 29, 43) */
		reached[2][29] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.hbs[0]);
		now.hbs[0] = ( (((int)now.creq)) ? (3) : (2) );
#ifdef VAR_RANGES
		logval("hbs[0]", ((int)now.hbs[0]));
#endif
		;
		/* merge: .(goto)(0, 35, 43) */
		reached[2][35] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 172: // STATE 30 - jobq.pml:563 - [(((hbs[0]==1)&&!((((st==3)&&(owner==(w+1)))&&(tok==hbt[0])))))] (43:0:1 - 1)
		IfNotBlocked
		reached[2][30] = 1;
		if (!(((((int)now.hbs[0])==1)&& !((((((int)now.st)==3)&&(((int)now.owner)==(((int)((P2 *)_this)->w)+1)))&&(((int)now.tok)==((int)now.hbt[0])))))))
			continue;
		/* merge: hbs[0] = 4(0, 31, 43) */
		reached[2][31] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[0]);
		now.hbs[0] = 4;
#ifdef VAR_RANGES
		logval("hbs[0]", ((int)now.hbs[0]));
#endif
		;
		/* merge: .(goto)(0, 35, 43) */
		reached[2][35] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 173: // STATE 36 - jobq.pml:565 - [(((hbs[1]==1)&&(((st==3)&&(owner==(w+1)))&&(tok==hbt[1]))))] (52:0:2 - 1)
		IfNotBlocked
		reached[2][36] = 1;
		if (!(((((int)now.hbs[1])==1)&&(((((int)now.st)==3)&&(((int)now.owner)==(((int)((P2 *)_this)->w)+1)))&&(((int)now.tok)==((int)now.hbt[1]))))))
			continue;
		/* merge: expired = 0(52, 37, 52) */
		reached[2][37] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.expired);
		now.expired = 0;
#ifdef VAR_RANGES
		logval("expired", ((int)now.expired));
#endif
		;
		/* merge: hbs[1] = ( (creq) -> (3) : (2) )(52, 38, 52) */
		reached[2][38] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.hbs[1]);
		now.hbs[1] = ( (((int)now.creq)) ? (3) : (2) );
#ifdef VAR_RANGES
		logval("hbs[1]", ((int)now.hbs[1]));
#endif
		;
		/* merge: .(goto)(0, 44, 52) */
		reached[2][44] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 174: // STATE 39 - jobq.pml:566 - [(((hbs[1]==1)&&!((((st==3)&&(owner==(w+1)))&&(tok==hbt[1])))))] (52:0:1 - 1)
		IfNotBlocked
		reached[2][39] = 1;
		if (!(((((int)now.hbs[1])==1)&& !((((((int)now.st)==3)&&(((int)now.owner)==(((int)((P2 *)_this)->w)+1)))&&(((int)now.tok)==((int)now.hbt[1])))))))
			continue;
		/* merge: hbs[1] = 4(0, 40, 52) */
		reached[2][40] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[1]);
		now.hbs[1] = 4;
#ifdef VAR_RANGES
		logval("hbs[1]", ((int)now.hbs[1]));
#endif
		;
		/* merge: .(goto)(0, 44, 52) */
		reached[2][44] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 175: // STATE 45 - jobq.pml:568 - [(((hbs[2]==1)&&(((st==3)&&(owner==(w+1)))&&(tok==hbt[2]))))] (146:0:2 - 1)
		IfNotBlocked
		reached[2][45] = 1;
		if (!(((((int)now.hbs[2])==1)&&(((((int)now.st)==3)&&(((int)now.owner)==(((int)((P2 *)_this)->w)+1)))&&(((int)now.tok)==((int)now.hbt[2]))))))
			continue;
		/* merge: expired = 0(146, 46, 146) */
		reached[2][46] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.expired);
		now.expired = 0;
#ifdef VAR_RANGES
		logval("expired", ((int)now.expired));
#endif
		;
		/* merge: hbs[2] = ( (creq) -> (3) : (2) )(146, 47, 146) */
		reached[2][47] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.hbs[2]);
		now.hbs[2] = ( (((int)now.creq)) ? (3) : (2) );
#ifdef VAR_RANGES
		logval("hbs[2]", ((int)now.hbs[2]));
#endif
		;
		/* merge: .(goto)(146, 53, 146) */
		reached[2][53] = 1;
		;
		/* merge: .(goto)(0, 147, 146) */
		reached[2][147] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 176: // STATE 53 - jobq.pml:570 - [.(goto)] (0:146:0 - 3)
		IfNotBlocked
		reached[2][53] = 1;
		;
		/* merge: .(goto)(0, 147, 146) */
		reached[2][147] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 177: // STATE 48 - jobq.pml:569 - [(((hbs[2]==1)&&!((((st==3)&&(owner==(w+1)))&&(tok==hbt[2])))))] (146:0:1 - 1)
		IfNotBlocked
		reached[2][48] = 1;
		if (!(((((int)now.hbs[2])==1)&& !((((((int)now.st)==3)&&(((int)now.owner)==(((int)((P2 *)_this)->w)+1)))&&(((int)now.tok)==((int)now.hbt[2])))))))
			continue;
		/* merge: hbs[2] = 4(146, 49, 146) */
		reached[2][49] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[2]);
		now.hbs[2] = 4;
#ifdef VAR_RANGES
		logval("hbs[2]", ((int)now.hbs[2]));
#endif
		;
		/* merge: .(goto)(146, 53, 146) */
		reached[2][53] = 1;
		;
		/* merge: .(goto)(0, 147, 146) */
		reached[2][147] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 178: // STATE 51 - jobq.pml:570 - [(1)] (146:0:0 - 1)
		IfNotBlocked
		reached[2][51] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(146, 53, 146) */
		reached[2][53] = 1;
		;
		/* merge: .(goto)(0, 147, 146) */
		reached[2][147] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 179: // STATE 55 - jobq.pml:571 - [(((alive[w]&&!(paused[w]))&&(hb[w]==2)))] (74:0:1 - 1)
		IfNotBlocked
		reached[2][55] = 1;
		if (!(((((int)now.alive[ Index(((int)((P2 *)_this)->w), 2) ])&& !(((int)now.paused[ Index(((int)((P2 *)_this)->w), 2) ])))&&(((int)now.hb[ Index(((int)((P2 *)_this)->w), 2) ])==2))))
			continue;
		/* merge: hb[w] = 0(0, 56, 74) */
		reached[2][56] = 1;
		(trpt+1)->bup.oval = ((int)now.hb[ Index(((int)((P2 *)_this)->w), 2) ]);
		now.hb[ Index(((P2 *)_this)->w, 2) ] = 0;
#ifdef VAR_RANGES
		logval("hb[keeper:w]", ((int)now.hb[ Index(((int)((P2 *)_this)->w), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 180: // STATE 57 - jobq.pml:258 - [((((((( ((0<2)) -> (0) : (1) )==w)&&(hbs[0]>=2))&&(hbs[0]<=3))&&eact[0])&&(etok[0]==hbt[0])))] (64:0:1 - 1)
		IfNotBlocked
		reached[2][57] = 1;
		if (!((((((( ((0<2)) ? (0) : (1) )==((int)((P2 *)_this)->w))&&(((int)now.hbs[0])>=2))&&(((int)now.hbs[0])<=3))&&((int)now.eact[0]))&&(((int)now.etok[0])==((int)now.hbt[0])))))
			continue;
		/* merge: eph[0] = 0(0, 58, 64) */
		reached[2][58] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[0]);
		now.eph[0] = 0;
#ifdef VAR_RANGES
		logval("eph[0]", ((int)now.eph[0]));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 181: // STATE 59 - jobq.pml:260 - [((hbs[0]==3))] (92:0:3 - 1)
		IfNotBlocked
		reached[2][59] = 1;
		if (!((((int)now.hbs[0])==3)))
			continue;
		/* merge: ecan[0] = 1(92, 60, 92) */
		reached[2][60] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.ecan[0]);
		now.ecan[0] = 1;
#ifdef VAR_RANGES
		logval("ecan[0]", ((int)now.ecan[0]));
#endif
		;
		/* merge: hlive[0] = 0(92, 61, 92) */
		reached[2][61] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.hlive[0]);
		now.hlive[0] = 0;
#ifdef VAR_RANGES
		logval("hlive[0]", ((int)now.hlive[0]));
#endif
		;
		/* merge: .(goto)(92, 65, 92) */
		reached[2][65] = 1;
		;
		/* merge: .(goto)(92, 72, 92) */
		reached[2][72] = 1;
		;
		/* merge: hbs[0] = 0(92, 73, 92) */
		reached[2][73] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.hbs[0]);
		now.hbs[0] = 0;
#ifdef VAR_RANGES
		logval("hbs[0]", ((int)now.hbs[0]));
#endif
		;
		_m = 3; goto P999; /* 5 */
	case 182: // STATE 63 - jobq.pml:260 - [(1)] (92:0:1 - 1)
		IfNotBlocked
		reached[2][63] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(92, 65, 92) */
		reached[2][65] = 1;
		;
		/* merge: .(goto)(92, 72, 92) */
		reached[2][72] = 1;
		;
		/* merge: hbs[0] = 0(92, 73, 92) */
		reached[2][73] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[0]);
		now.hbs[0] = 0;
#ifdef VAR_RANGES
		logval("hbs[0]", ((int)now.hbs[0]));
#endif
		;
		_m = 3; goto P999; /* 3 */
	case 183: // STATE 66 - jobq.pml:261 - [(((((( ((0<2)) -> (0) : (1) )==w)&&(hbs[0]==4))&&eact[0])&&(etok[0]==hbt[0])))] (92:0:3 - 1)
		IfNotBlocked
		reached[2][66] = 1;
		if (!(((((( ((0<2)) ? (0) : (1) )==((int)((P2 *)_this)->w))&&(((int)now.hbs[0])==4))&&((int)now.eact[0]))&&(((int)now.etok[0])==((int)now.hbt[0])))))
			continue;
		/* merge: elost[0] = 1(92, 67, 92) */
		reached[2][67] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.elost[0]);
		now.elost[0] = 1;
#ifdef VAR_RANGES
		logval("elost[0]", ((int)now.elost[0]));
#endif
		;
		/* merge: hlive[0] = 0(92, 68, 92) */
		reached[2][68] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.hlive[0]);
		now.hlive[0] = 0;
#ifdef VAR_RANGES
		logval("hlive[0]", ((int)now.hlive[0]));
#endif
		;
		/* merge: .(goto)(92, 72, 92) */
		reached[2][72] = 1;
		;
		/* merge: hbs[0] = 0(92, 73, 92) */
		reached[2][73] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.hbs[0]);
		now.hbs[0] = 0;
#ifdef VAR_RANGES
		logval("hbs[0]", ((int)now.hbs[0]));
#endif
		;
		_m = 3; goto P999; /* 4 */
	case 184: // STATE 70 - jobq.pml:263 - [(1)] (92:0:1 - 1)
		IfNotBlocked
		reached[2][70] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(92, 72, 92) */
		reached[2][72] = 1;
		;
		/* merge: hbs[0] = 0(92, 73, 92) */
		reached[2][73] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[0]);
		now.hbs[0] = 0;
#ifdef VAR_RANGES
		logval("hbs[0]", ((int)now.hbs[0]));
#endif
		;
		_m = 3; goto P999; /* 2 */
	case 185: // STATE 73 - jobq.pml:265 - [hbs[0] = 0] (0:92:1 - 6)
		IfNotBlocked
		reached[2][73] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[0]);
		now.hbs[0] = 0;
#ifdef VAR_RANGES
		logval("hbs[0]", ((int)now.hbs[0]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 186: // STATE 75 - jobq.pml:258 - [((((((( ((1<2)) -> (0) : (1) )==w)&&(hbs[1]>=2))&&(hbs[1]<=3))&&eact[1])&&(etok[1]==hbt[1])))] (82:0:1 - 1)
		IfNotBlocked
		reached[2][75] = 1;
		if (!((((((( ((1<2)) ? (0) : (1) )==((int)((P2 *)_this)->w))&&(((int)now.hbs[1])>=2))&&(((int)now.hbs[1])<=3))&&((int)now.eact[1]))&&(((int)now.etok[1])==((int)now.hbt[1])))))
			continue;
		/* merge: eph[1] = 0(0, 76, 82) */
		reached[2][76] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[1]);
		now.eph[1] = 0;
#ifdef VAR_RANGES
		logval("eph[1]", ((int)now.eph[1]));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 187: // STATE 77 - jobq.pml:260 - [((hbs[1]==3))] (110:0:3 - 1)
		IfNotBlocked
		reached[2][77] = 1;
		if (!((((int)now.hbs[1])==3)))
			continue;
		/* merge: ecan[1] = 1(110, 78, 110) */
		reached[2][78] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.ecan[1]);
		now.ecan[1] = 1;
#ifdef VAR_RANGES
		logval("ecan[1]", ((int)now.ecan[1]));
#endif
		;
		/* merge: hlive[1] = 0(110, 79, 110) */
		reached[2][79] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.hlive[1]);
		now.hlive[1] = 0;
#ifdef VAR_RANGES
		logval("hlive[1]", ((int)now.hlive[1]));
#endif
		;
		/* merge: .(goto)(110, 83, 110) */
		reached[2][83] = 1;
		;
		/* merge: .(goto)(110, 90, 110) */
		reached[2][90] = 1;
		;
		/* merge: hbs[1] = 0(110, 91, 110) */
		reached[2][91] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.hbs[1]);
		now.hbs[1] = 0;
#ifdef VAR_RANGES
		logval("hbs[1]", ((int)now.hbs[1]));
#endif
		;
		_m = 3; goto P999; /* 5 */
	case 188: // STATE 81 - jobq.pml:260 - [(1)] (110:0:1 - 1)
		IfNotBlocked
		reached[2][81] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(110, 83, 110) */
		reached[2][83] = 1;
		;
		/* merge: .(goto)(110, 90, 110) */
		reached[2][90] = 1;
		;
		/* merge: hbs[1] = 0(110, 91, 110) */
		reached[2][91] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[1]);
		now.hbs[1] = 0;
#ifdef VAR_RANGES
		logval("hbs[1]", ((int)now.hbs[1]));
#endif
		;
		_m = 3; goto P999; /* 3 */
	case 189: // STATE 84 - jobq.pml:261 - [(((((( ((1<2)) -> (0) : (1) )==w)&&(hbs[1]==4))&&eact[1])&&(etok[1]==hbt[1])))] (110:0:3 - 1)
		IfNotBlocked
		reached[2][84] = 1;
		if (!(((((( ((1<2)) ? (0) : (1) )==((int)((P2 *)_this)->w))&&(((int)now.hbs[1])==4))&&((int)now.eact[1]))&&(((int)now.etok[1])==((int)now.hbt[1])))))
			continue;
		/* merge: elost[1] = 1(110, 85, 110) */
		reached[2][85] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.elost[1]);
		now.elost[1] = 1;
#ifdef VAR_RANGES
		logval("elost[1]", ((int)now.elost[1]));
#endif
		;
		/* merge: hlive[1] = 0(110, 86, 110) */
		reached[2][86] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.hlive[1]);
		now.hlive[1] = 0;
#ifdef VAR_RANGES
		logval("hlive[1]", ((int)now.hlive[1]));
#endif
		;
		/* merge: .(goto)(110, 90, 110) */
		reached[2][90] = 1;
		;
		/* merge: hbs[1] = 0(110, 91, 110) */
		reached[2][91] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.hbs[1]);
		now.hbs[1] = 0;
#ifdef VAR_RANGES
		logval("hbs[1]", ((int)now.hbs[1]));
#endif
		;
		_m = 3; goto P999; /* 4 */
	case 190: // STATE 88 - jobq.pml:263 - [(1)] (110:0:1 - 1)
		IfNotBlocked
		reached[2][88] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(110, 90, 110) */
		reached[2][90] = 1;
		;
		/* merge: hbs[1] = 0(110, 91, 110) */
		reached[2][91] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[1]);
		now.hbs[1] = 0;
#ifdef VAR_RANGES
		logval("hbs[1]", ((int)now.hbs[1]));
#endif
		;
		_m = 3; goto P999; /* 2 */
	case 191: // STATE 91 - jobq.pml:265 - [hbs[1] = 0] (0:110:1 - 6)
		IfNotBlocked
		reached[2][91] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[1]);
		now.hbs[1] = 0;
#ifdef VAR_RANGES
		logval("hbs[1]", ((int)now.hbs[1]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 192: // STATE 93 - jobq.pml:258 - [((((((( ((2<2)) -> (0) : (1) )==w)&&(hbs[2]>=2))&&(hbs[2]<=3))&&eact[2])&&(etok[2]==hbt[2])))] (100:0:1 - 1)
		IfNotBlocked
		reached[2][93] = 1;
		if (!((((((( ((2<2)) ? (0) : (1) )==((int)((P2 *)_this)->w))&&(((int)now.hbs[2])>=2))&&(((int)now.hbs[2])<=3))&&((int)now.eact[2]))&&(((int)now.etok[2])==((int)now.hbt[2])))))
			continue;
		/* merge: eph[2] = 0(0, 94, 100) */
		reached[2][94] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[2]);
		now.eph[2] = 0;
#ifdef VAR_RANGES
		logval("eph[2]", ((int)now.eph[2]));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 193: // STATE 95 - jobq.pml:260 - [((hbs[2]==3))] (146:0:3 - 1)
		IfNotBlocked
		reached[2][95] = 1;
		if (!((((int)now.hbs[2])==3)))
			continue;
		/* merge: ecan[2] = 1(146, 96, 146) */
		reached[2][96] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.ecan[2]);
		now.ecan[2] = 1;
#ifdef VAR_RANGES
		logval("ecan[2]", ((int)now.ecan[2]));
#endif
		;
		/* merge: hlive[2] = 0(146, 97, 146) */
		reached[2][97] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.hlive[2]);
		now.hlive[2] = 0;
#ifdef VAR_RANGES
		logval("hlive[2]", ((int)now.hlive[2]));
#endif
		;
		/* merge: .(goto)(146, 101, 146) */
		reached[2][101] = 1;
		;
		/* merge: .(goto)(146, 108, 146) */
		reached[2][108] = 1;
		;
		/* merge: hbs[2] = 0(146, 109, 146) */
		reached[2][109] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.hbs[2]);
		now.hbs[2] = 0;
#ifdef VAR_RANGES
		logval("hbs[2]", ((int)now.hbs[2]));
#endif
		;
		/* merge: .(goto)(0, 147, 146) */
		reached[2][147] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 194: // STATE 99 - jobq.pml:260 - [(1)] (146:0:1 - 1)
		IfNotBlocked
		reached[2][99] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(146, 101, 146) */
		reached[2][101] = 1;
		;
		/* merge: .(goto)(146, 108, 146) */
		reached[2][108] = 1;
		;
		/* merge: hbs[2] = 0(146, 109, 146) */
		reached[2][109] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[2]);
		now.hbs[2] = 0;
#ifdef VAR_RANGES
		logval("hbs[2]", ((int)now.hbs[2]));
#endif
		;
		/* merge: .(goto)(0, 147, 146) */
		reached[2][147] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 195: // STATE 108 - jobq.pml:265 - [.(goto)] (0:146:1 - 5)
		IfNotBlocked
		reached[2][108] = 1;
		;
		/* merge: hbs[2] = 0(146, 109, 146) */
		reached[2][109] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[2]);
		now.hbs[2] = 0;
#ifdef VAR_RANGES
		logval("hbs[2]", ((int)now.hbs[2]));
#endif
		;
		/* merge: .(goto)(0, 147, 146) */
		reached[2][147] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 196: // STATE 102 - jobq.pml:261 - [(((((( ((2<2)) -> (0) : (1) )==w)&&(hbs[2]==4))&&eact[2])&&(etok[2]==hbt[2])))] (146:0:3 - 1)
		IfNotBlocked
		reached[2][102] = 1;
		if (!(((((( ((2<2)) ? (0) : (1) )==((int)((P2 *)_this)->w))&&(((int)now.hbs[2])==4))&&((int)now.eact[2]))&&(((int)now.etok[2])==((int)now.hbt[2])))))
			continue;
		/* merge: elost[2] = 1(146, 103, 146) */
		reached[2][103] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.elost[2]);
		now.elost[2] = 1;
#ifdef VAR_RANGES
		logval("elost[2]", ((int)now.elost[2]));
#endif
		;
		/* merge: hlive[2] = 0(146, 104, 146) */
		reached[2][104] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.hlive[2]);
		now.hlive[2] = 0;
#ifdef VAR_RANGES
		logval("hlive[2]", ((int)now.hlive[2]));
#endif
		;
		/* merge: .(goto)(146, 108, 146) */
		reached[2][108] = 1;
		;
		/* merge: hbs[2] = 0(146, 109, 146) */
		reached[2][109] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.hbs[2]);
		now.hbs[2] = 0;
#ifdef VAR_RANGES
		logval("hbs[2]", ((int)now.hbs[2]));
#endif
		;
		/* merge: .(goto)(0, 147, 146) */
		reached[2][147] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 197: // STATE 106 - jobq.pml:263 - [(1)] (146:0:1 - 1)
		IfNotBlocked
		reached[2][106] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(146, 108, 146) */
		reached[2][108] = 1;
		;
		/* merge: hbs[2] = 0(146, 109, 146) */
		reached[2][109] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[2]);
		now.hbs[2] = 0;
#ifdef VAR_RANGES
		logval("hbs[2]", ((int)now.hbs[2]));
#endif
		;
		/* merge: .(goto)(0, 147, 146) */
		reached[2][147] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 198: // STATE 112 - jobq.pml:578 - [((((alive[w]&&!(paused[w]))&&(hb[w]==2))&&(faults<2)))] (146:0:5 - 1)
		IfNotBlocked
		reached[2][112] = 1;
		if (!((((((int)now.alive[ Index(((int)((P2 *)_this)->w), 2) ])&& !(((int)now.paused[ Index(((int)((P2 *)_this)->w), 2) ])))&&(((int)now.hb[ Index(((int)((P2 *)_this)->w), 2) ])==2))&&(((int)now.faults)<2))))
			continue;
		/* merge: faults = (faults+1)(146, 113, 146) */
		reached[2][113] = 1;
		(trpt+1)->bup.ovals = grab_ints(5);
		(trpt+1)->bup.ovals[0] = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		/* merge: hb[w] = 0(146, 114, 146) */
		reached[2][114] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.hb[ Index(((int)((P2 *)_this)->w), 2) ]);
		now.hb[ Index(((P2 *)_this)->w, 2) ] = 0;
#ifdef VAR_RANGES
		logval("hb[keeper:w]", ((int)now.hb[ Index(((int)((P2 *)_this)->w), 2) ]));
#endif
		;
		/* merge: hbs[0] = 0(146, 115, 146) */
		reached[2][115] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.hbs[0]);
		now.hbs[0] = 0;
#ifdef VAR_RANGES
		logval("hbs[0]", ((int)now.hbs[0]));
#endif
		;
		/* merge: hbs[1] = 0(146, 116, 146) */
		reached[2][116] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.hbs[1]);
		now.hbs[1] = 0;
#ifdef VAR_RANGES
		logval("hbs[1]", ((int)now.hbs[1]));
#endif
		;
		/* merge: hbs[2] = 0(146, 117, 146) */
		reached[2][117] = 1;
		(trpt+1)->bup.ovals[4] = ((int)now.hbs[2]);
		now.hbs[2] = 0;
#ifdef VAR_RANGES
		logval("hbs[2]", ((int)now.hbs[2]));
#endif
		;
		/* merge: .(goto)(0, 147, 146) */
		reached[2][147] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 199: // STATE 119 - jobq.pml:584 - [(((alive[w]&&!(paused[w]))&&!(lock[w])))] (146:0:1 - 1)
		IfNotBlocked
		reached[2][119] = 1;
		if (!(((((int)now.alive[ Index(((int)((P2 *)_this)->w), 2) ])&& !(((int)now.paused[ Index(((int)((P2 *)_this)->w), 2) ])))&& !(((int)now.lock[ Index(((int)((P2 *)_this)->w), 2) ])))))
			continue;
		/* merge: lock[w] = 1(0, 120, 146) */
		reached[2][120] = 1;
		(trpt+1)->bup.oval = ((int)now.lock[ Index(((int)((P2 *)_this)->w), 2) ]);
		now.lock[ Index(((P2 *)_this)->w, 2) ] = 1;
#ifdef VAR_RANGES
		logval("lock[keeper:w]", ((int)now.lock[ Index(((int)((P2 *)_this)->w), 2) ]));
#endif
		;
		/* merge: .(goto)(0, 147, 146) */
		reached[2][147] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 200: // STATE 122 - jobq.pml:585 - [(((alive[w]&&!(paused[w]))&&fanout[w]))] (129:0:1 - 1)
		IfNotBlocked
		reached[2][122] = 1;
		if (!(((((int)now.alive[ Index(((int)((P2 *)_this)->w), 2) ])&& !(((int)now.paused[ Index(((int)((P2 *)_this)->w), 2) ])))&&((int)now.fanout[ Index(((int)((P2 *)_this)->w), 2) ]))))
			continue;
		/* merge: fanout[w] = 0(0, 123, 129) */
		reached[2][123] = 1;
		(trpt+1)->bup.oval = ((int)now.fanout[ Index(((int)((P2 *)_this)->w), 2) ]);
		now.fanout[ Index(((P2 *)_this)->w, 2) ] = 0;
#ifdef VAR_RANGES
		logval("fanout[keeper:w]", ((int)now.fanout[ Index(((int)((P2 *)_this)->w), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 201: // STATE 124 - jobq.pml:586 - [((((( ((0<2)) -> (0) : (1) )==w)&&eact[0])&&estart[0]))] (136:0:2 - 1)
		IfNotBlocked
		reached[2][124] = 1;
		if (!((((( ((0<2)) ? (0) : (1) )==((int)((P2 *)_this)->w))&&((int)now.eact[0]))&&((int)now.estart[0]))))
			continue;
		/* merge: ecan[0] = 1(136, 125, 136) */
		reached[2][125] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.ecan[0]);
		now.ecan[0] = 1;
#ifdef VAR_RANGES
		logval("ecan[0]", ((int)now.ecan[0]));
#endif
		;
		/* merge: hlive[0] = 0(136, 126, 136) */
		reached[2][126] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.hlive[0]);
		now.hlive[0] = 0;
#ifdef VAR_RANGES
		logval("hlive[0]", ((int)now.hlive[0]));
#endif
		;
		/* merge: .(goto)(0, 130, 136) */
		reached[2][130] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 202: // STATE 131 - jobq.pml:588 - [((((( ((1<2)) -> (0) : (1) )==w)&&eact[1])&&estart[1]))] (143:0:2 - 1)
		IfNotBlocked
		reached[2][131] = 1;
		if (!((((( ((1<2)) ? (0) : (1) )==((int)((P2 *)_this)->w))&&((int)now.eact[1]))&&((int)now.estart[1]))))
			continue;
		/* merge: ecan[1] = 1(143, 132, 143) */
		reached[2][132] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.ecan[1]);
		now.ecan[1] = 1;
#ifdef VAR_RANGES
		logval("ecan[1]", ((int)now.ecan[1]));
#endif
		;
		/* merge: hlive[1] = 0(143, 133, 143) */
		reached[2][133] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.hlive[1]);
		now.hlive[1] = 0;
#ifdef VAR_RANGES
		logval("hlive[1]", ((int)now.hlive[1]));
#endif
		;
		/* merge: .(goto)(0, 137, 143) */
		reached[2][137] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 203: // STATE 138 - jobq.pml:590 - [((((( ((2<2)) -> (0) : (1) )==w)&&eact[2])&&estart[2]))] (146:0:2 - 1)
		IfNotBlocked
		reached[2][138] = 1;
		if (!((((( ((2<2)) ? (0) : (1) )==((int)((P2 *)_this)->w))&&((int)now.eact[2]))&&((int)now.estart[2]))))
			continue;
		/* merge: ecan[2] = 1(146, 139, 146) */
		reached[2][139] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.ecan[2]);
		now.ecan[2] = 1;
#ifdef VAR_RANGES
		logval("ecan[2]", ((int)now.ecan[2]));
#endif
		;
		/* merge: hlive[2] = 0(146, 140, 146) */
		reached[2][140] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.hlive[2]);
		now.hlive[2] = 0;
#ifdef VAR_RANGES
		logval("hlive[2]", ((int)now.hlive[2]));
#endif
		;
		/* merge: .(goto)(146, 144, 146) */
		reached[2][144] = 1;
		;
		/* merge: .(goto)(0, 147, 146) */
		reached[2][147] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 204: // STATE 144 - jobq.pml:591 - [.(goto)] (0:146:0 - 2)
		IfNotBlocked
		reached[2][144] = 1;
		;
		/* merge: .(goto)(0, 147, 146) */
		reached[2][147] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 205: // STATE 142 - jobq.pml:591 - [(1)] (146:0:0 - 1)
		IfNotBlocked
		reached[2][142] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(146, 144, 146) */
		reached[2][144] = 1;
		;
		/* merge: .(goto)(0, 147, 146) */
		reached[2][147] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 206: // STATE 149 - jobq.pml:593 - [-end-] (0:0:0 - 1)
		IfNotBlocked
		reached[2][149] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */

		 /* PROC executor */
	case 207: // STATE 1 - jobq.pml:397 - [((((alive[w]&&!(paused[w]))&&(ready>0))&&!(eact[e])))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][1] = 1;
		if (!((((((int)now.alive[ Index(((int)((P1 *)_this)->w), 2) ])&& !(((int)now.paused[ Index(((int)((P1 *)_this)->w), 2) ])))&&(((int)now.ready)>0))&& !(((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ])))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 208: // STATE 878 - jobq.pml:540 - [(ekill[e])] (0:0:0 - 642)
		IfNotBlocked
		reached[1][878] = 1;
		if (!(((int)now.ekill[ Index(((int)((P1 *)_this)->e), 3) ])))
			continue;
		_m = 3; goto P999; /* 0 */
	case 209: // STATE 2 - jobq.pml:397 - [ready = (ready-1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][2] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = (((int)now.ready)-1);
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 210: // STATE 3 - jobq.pml:397 - [edl[e] = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][3] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.edl[ Index(((P1 *)_this)->e, 3) ] = 1;
#ifdef VAR_RANGES
		logval("edl[executor:e]", ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 211: // STATE 4 - jobq.pml:397 - [edg[e] = bgen[w]] (0:0:1 - 1)
		IfNotBlocked
		reached[1][4] = 1;
		(trpt+1)->bup.oval = ((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.edg[ Index(((P1 *)_this)->e, 3) ] = ((int)now.bgen[ Index(((int)((P1 *)_this)->w), 2) ]);
#ifdef VAR_RANGES
		logval("edg[executor:e]", ((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 212: // STATE 5 - jobq.pml:398 - [eact[e] = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][5] = 1;
		(trpt+1)->bup.oval = ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eact[ Index(((P1 *)_this)->e, 3) ] = 1;
#ifdef VAR_RANGES
		logval("eact[executor:e]", ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 213: // STATE 6 - jobq.pml:371 - [ncid = (ncid+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][6] = 1;
		(trpt+1)->bup.oval = ((int)now.ncid);
		now.ncid = (((int)now.ncid)+1);
#ifdef VAR_RANGES
		logval("ncid", ((int)now.ncid));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 214: // STATE 7 - jobq.pml:372 - [ecid[e] = ncid] (0:0:1 - 1)
		IfNotBlocked
		reached[1][7] = 1;
		(trpt+1)->bup.oval = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = ((int)now.ncid);
#ifdef VAR_RANGES
		logval("ecid[executor:e]", ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 215: // STATE 10 - jobq.pml:400 - [((alive[w]&&!(paused[w])))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][10] = 1;
		if (!((((int)now.alive[ Index(((int)((P1 *)_this)->w), 2) ])&& !(((int)now.paused[ Index(((int)((P1 *)_this)->w), 2) ])))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 216: // STATE 11 - jobq.pml:200 - [((((st==1)&&!(creq))&&due))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][11] = 1;
		if (!((((((int)now.st)==1)&& !(((int)now.creq)))&&((int)now.due))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 217: // STATE 12 - jobq.pml:201 - [st = 3] (0:0:1 - 1)
		IfNotBlocked
		reached[1][12] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 3;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 218: // STATE 13 - jobq.pml:201 - [owner = (w+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][13] = 1;
		(trpt+1)->bup.oval = ((int)now.owner);
		now.owner = (((int)((P1 *)_this)->w)+1);
#ifdef VAR_RANGES
		logval("owner", ((int)now.owner));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 219: // STATE 14 - jobq.pml:201 - [att = (att+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][14] = 1;
		(trpt+1)->bup.oval = ((int)now.att);
		now.att = (((int)now.att)+1);
#ifdef VAR_RANGES
		logval("att", ((int)now.att));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 220: // STATE 15 - jobq.pml:169 - [tok = (tok+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][15] = 1;
		(trpt+1)->bup.oval = ((int)now.tok);
		now.tok = (((int)now.tok)+1);
#ifdef VAR_RANGES
		logval("tok", ((int)now.tok));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 221: // STATE 16 - jobq.pml:170 - [assert((tok<250))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][16] = 1;
		spin_assert((((int)now.tok)<250), "(tok<250)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 222: // STATE 18 - jobq.pml:201 - [cid = ecid[e]] (0:0:1 - 1)
		IfNotBlocked
		reached[1][18] = 1;
		(trpt+1)->bup.oval = ((int)now.cid);
		now.cid = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
#ifdef VAR_RANGES
		logval("cid", ((int)now.cid));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 223: // STATE 19 - jobq.pml:201 - [pub = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][19] = 1;
		(trpt+1)->bup.oval = ((int)now.pub);
		now.pub = 1;
#ifdef VAR_RANGES
		logval("pub", ((int)now.pub));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 224: // STATE 20 - jobq.pml:202 - [expired = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][20] = 1;
		(trpt+1)->bup.oval = ((int)now.expired);
		now.expired = 0;
#ifdef VAR_RANGES
		logval("expired", ((int)now.expired));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 225: // STATE 21 - jobq.pml:202 - [etok[e] = tok] (0:0:1 - 1)
		IfNotBlocked
		reached[1][21] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = ((int)now.tok);
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 226: // STATE 22 - jobq.pml:202 - [eatt[e] = att] (0:0:1 - 1)
		IfNotBlocked
		reached[1][22] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = ((int)now.att);
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 227: // STATE 23 - jobq.pml:202 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][23] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 228: // STATE 24 - jobq.pml:202 - [eccr[e] = creq] (0:0:1 - 1)
		IfNotBlocked
		reached[1][24] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = ((int)now.creq);
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 229: // STATE 25 - jobq.pml:192 - [assert((etok[e]>maxftok))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][25] = 1;
		spin_assert((((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])>((int)now.maxftok)), "(etok[e]>maxftok)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 230: // STATE 26 - jobq.pml:193 - [maxftok = etok[e]] (0:0:1 - 1)
		IfNotBlocked
		reached[1][26] = 1;
		(trpt+1)->bup.oval = ((int)now.maxftok);
		now.maxftok = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
#ifdef VAR_RANGES
		logval("maxftok", ((int)now.maxftok));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 231: // STATE 28 - jobq.pml:203 - [r = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][28] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 1;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 232: // STATE 30 - jobq.pml:204 - [r = 2] (0:0:1 - 1)
		IfNotBlocked
		reached[1][30] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 2;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 233: // STATE 34 - jobq.pml:400 - [((faults<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][34] = 1;
		if (!((((int)now.faults)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 234: // STATE 35 - jobq.pml:400 - [faults = (faults+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][35] = 1;
		(trpt+1)->bup.oval = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 235: // STATE 36 - jobq.pml:200 - [((((st==1)&&!(creq))&&due))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][36] = 1;
		if (!((((((int)now.st)==1)&& !(((int)now.creq)))&&((int)now.due))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 236: // STATE 37 - jobq.pml:201 - [st = 3] (0:0:1 - 1)
		IfNotBlocked
		reached[1][37] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 3;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 237: // STATE 38 - jobq.pml:201 - [owner = (w+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][38] = 1;
		(trpt+1)->bup.oval = ((int)now.owner);
		now.owner = (((int)((P1 *)_this)->w)+1);
#ifdef VAR_RANGES
		logval("owner", ((int)now.owner));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 238: // STATE 39 - jobq.pml:201 - [att = (att+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][39] = 1;
		(trpt+1)->bup.oval = ((int)now.att);
		now.att = (((int)now.att)+1);
#ifdef VAR_RANGES
		logval("att", ((int)now.att));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 239: // STATE 40 - jobq.pml:169 - [tok = (tok+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][40] = 1;
		(trpt+1)->bup.oval = ((int)now.tok);
		now.tok = (((int)now.tok)+1);
#ifdef VAR_RANGES
		logval("tok", ((int)now.tok));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 240: // STATE 41 - jobq.pml:170 - [assert((tok<250))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][41] = 1;
		spin_assert((((int)now.tok)<250), "(tok<250)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 241: // STATE 43 - jobq.pml:201 - [cid = ecid[e]] (0:0:1 - 1)
		IfNotBlocked
		reached[1][43] = 1;
		(trpt+1)->bup.oval = ((int)now.cid);
		now.cid = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
#ifdef VAR_RANGES
		logval("cid", ((int)now.cid));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 242: // STATE 44 - jobq.pml:201 - [pub = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][44] = 1;
		(trpt+1)->bup.oval = ((int)now.pub);
		now.pub = 1;
#ifdef VAR_RANGES
		logval("pub", ((int)now.pub));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 243: // STATE 45 - jobq.pml:202 - [expired = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][45] = 1;
		(trpt+1)->bup.oval = ((int)now.expired);
		now.expired = 0;
#ifdef VAR_RANGES
		logval("expired", ((int)now.expired));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 244: // STATE 46 - jobq.pml:202 - [etok[e] = tok] (0:0:1 - 1)
		IfNotBlocked
		reached[1][46] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = ((int)now.tok);
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 245: // STATE 47 - jobq.pml:202 - [eatt[e] = att] (0:0:1 - 1)
		IfNotBlocked
		reached[1][47] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = ((int)now.att);
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 246: // STATE 48 - jobq.pml:202 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][48] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 247: // STATE 49 - jobq.pml:202 - [eccr[e] = creq] (0:0:1 - 1)
		IfNotBlocked
		reached[1][49] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = ((int)now.creq);
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 248: // STATE 50 - jobq.pml:192 - [assert((etok[e]>maxftok))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][50] = 1;
		spin_assert((((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])>((int)now.maxftok)), "(etok[e]>maxftok)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 249: // STATE 51 - jobq.pml:193 - [maxftok = etok[e]] (0:0:1 - 1)
		IfNotBlocked
		reached[1][51] = 1;
		(trpt+1)->bup.oval = ((int)now.maxftok);
		now.maxftok = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
#ifdef VAR_RANGES
		logval("maxftok", ((int)now.maxftok));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 250: // STATE 53 - jobq.pml:203 - [r = 1] (0:0:2 - 1)
		IfNotBlocked
		reached[1][53] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 1;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		if (TstOnly) return 1; /* TT */
		/* dead 2: r */  
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 251: // STATE 55 - jobq.pml:204 - [r = 2] (0:0:2 - 1)
		IfNotBlocked
		reached[1][55] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 2;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		if (TstOnly) return 1; /* TT */
		/* dead 2: r */  
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 252: // STATE 59 - jobq.pml:400 - [r = 3] (0:0:1 - 3)
		IfNotBlocked
		reached[1][59] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 3;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 253: // STATE 60 - jobq.pml:400 - [((faults<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][60] = 1;
		if (!((((int)now.faults)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 254: // STATE 61 - jobq.pml:400 - [faults = (faults+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][61] = 1;
		(trpt+1)->bup.oval = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 255: // STATE 62 - jobq.pml:400 - [r = 3] (0:0:1 - 1)
		IfNotBlocked
		reached[1][62] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 3;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 256: // STATE 66 - jobq.pml:402 - [((r==1))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][66] = 1;
		if (!((((int)((P1 *)_this)->r)==1)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: r */  (trpt+1)->bup.oval = ((P1 *)_this)->r;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 257: // STATE 68 - jobq.pml:403 - [((r==3))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][68] = 1;
		if (!((((int)((P1 *)_this)->r)==3)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: r */  (trpt+1)->bup.oval = ((P1 *)_this)->r;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 258: // STATE 70 - jobq.pml:358 - [assert((1||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][70] = 1;
		spin_assert((1||(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ])|| !((((((int)now.st)==3)&&(((int)now.tok)==((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])))&&(((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])!=0))))), "(1||(elost[e]|| !((((st==3)&&(tok==etok[e]))&&(etok[e]!=0)))))", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 259: // STATE 71 - jobq.pml:360 - [(((edl[e]&&(edg[e]==bgen[w]))&&1))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][71] = 1;
		if (!(((((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ])&&(((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ])==((int)now.bgen[ Index(((int)((P1 *)_this)->w), 2) ])))&&1)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 260: // STATE 72 - jobq.pml:360 - [ready = ( ((ready<2)) -> ((ready+1)) : (ready) )] (0:0:1 - 1)
		IfNotBlocked
		reached[1][72] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 261: // STATE 77 - jobq.pml:363 - [edl[e] = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[1][77] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.edl[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("edl[executor:e]", ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 262: // STATE 78 - jobq.pml:250 - [eact[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][78] = 1;
		(trpt+1)->bup.oval = ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eact[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eact[executor:e]", ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 263: // STATE 79 - jobq.pml:250 - [estart[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][79] = 1;
		(trpt+1)->bup.oval = ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.estart[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("estart[executor:e]", ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 264: // STATE 80 - jobq.pml:250 - [etok[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][80] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 265: // STATE 81 - jobq.pml:250 - [eatt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][81] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 266: // STATE 82 - jobq.pml:250 - [ecid[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][82] = 1;
		(trpt+1)->bup.oval = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecid[executor:e]", ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 267: // STATE 83 - jobq.pml:250 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][83] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 268: // STATE 84 - jobq.pml:251 - [elost[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][84] = 1;
		(trpt+1)->bup.oval = ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.elost[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("elost[executor:e]", ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 269: // STATE 85 - jobq.pml:251 - [ecan[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][85] = 1;
		(trpt+1)->bup.oval = ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecan[executor:e]", ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 270: // STATE 86 - jobq.pml:251 - [hlive[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][86] = 1;
		(trpt+1)->bup.oval = ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hlive[executor:e]", ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 271: // STATE 87 - jobq.pml:251 - [eccr[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][87] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 272: // STATE 88 - jobq.pml:251 - [hbs[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][88] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbs[executor:e]", ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 273: // STATE 89 - jobq.pml:252 - [hbt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][89] = 1;
		(trpt+1)->bup.oval = ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbt[executor:e]", ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 274: // STATE 96 - jobq.pml:407 - [((r==2))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][96] = 1;
		if (!((((int)((P1 *)_this)->r)==2)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: r */  (trpt+1)->bup.oval = ((P1 *)_this)->r;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 275: // STATE 100 - jobq.pml:410 - [rnd = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[1][100] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->rnd);
		((P1 *)_this)->rnd = 0;
#ifdef VAR_RANGES
		logval("executor:rnd", ((int)((P1 *)_this)->rnd));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 276: // STATE 101 - jobq.pml:412 - [((rnd>=3))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][101] = 1;
		if (!((((int)((P1 *)_this)->rnd)>=3)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: rnd */  (trpt+1)->bup.oval = ((P1 *)_this)->rnd;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->rnd = 0;
		_m = 3; goto P999; /* 0 */
	case 277: // STATE 102 - jobq.pml:358 - [assert((1||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][102] = 1;
		spin_assert((1||(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ])|| !((((((int)now.st)==3)&&(((int)now.tok)==((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])))&&(((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])!=0))))), "(1||(elost[e]|| !((((st==3)&&(tok==etok[e]))&&(etok[e]!=0)))))", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 278: // STATE 103 - jobq.pml:360 - [(((edl[e]&&(edg[e]==bgen[w]))&&1))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][103] = 1;
		if (!(((((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ])&&(((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ])==((int)now.bgen[ Index(((int)((P1 *)_this)->w), 2) ])))&&1)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 279: // STATE 104 - jobq.pml:360 - [ready = ( ((ready<2)) -> ((ready+1)) : (ready) )] (0:0:1 - 1)
		IfNotBlocked
		reached[1][104] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 280: // STATE 109 - jobq.pml:363 - [edl[e] = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[1][109] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.edl[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("edl[executor:e]", ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 281: // STATE 110 - jobq.pml:250 - [eact[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][110] = 1;
		(trpt+1)->bup.oval = ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eact[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eact[executor:e]", ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 282: // STATE 111 - jobq.pml:250 - [estart[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][111] = 1;
		(trpt+1)->bup.oval = ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.estart[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("estart[executor:e]", ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 283: // STATE 112 - jobq.pml:250 - [etok[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][112] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 284: // STATE 113 - jobq.pml:250 - [eatt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][113] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 285: // STATE 114 - jobq.pml:250 - [ecid[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][114] = 1;
		(trpt+1)->bup.oval = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecid[executor:e]", ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 286: // STATE 115 - jobq.pml:250 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][115] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 287: // STATE 116 - jobq.pml:251 - [elost[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][116] = 1;
		(trpt+1)->bup.oval = ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.elost[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("elost[executor:e]", ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 288: // STATE 117 - jobq.pml:251 - [ecan[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][117] = 1;
		(trpt+1)->bup.oval = ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecan[executor:e]", ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 289: // STATE 118 - jobq.pml:251 - [hlive[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][118] = 1;
		(trpt+1)->bup.oval = ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hlive[executor:e]", ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 290: // STATE 119 - jobq.pml:251 - [eccr[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][119] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 291: // STATE 120 - jobq.pml:251 - [hbs[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][120] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbs[executor:e]", ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 292: // STATE 121 - jobq.pml:252 - [hbt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][121] = 1;
		(trpt+1)->bup.oval = ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbt[executor:e]", ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 293: // STATE 126 - jobq.pml:413 - [((rnd<3))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][126] = 1;
		if (!((((int)((P1 *)_this)->rnd)<3)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 294: // STATE 127 - jobq.pml:414 - [rnd = (rnd+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][127] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->rnd);
		((P1 *)_this)->rnd = (((int)((P1 *)_this)->rnd)+1);
#ifdef VAR_RANGES
		logval("executor:rnd", ((int)((P1 *)_this)->rnd));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 295: // STATE 128 - jobq.pml:415 - [((alive[w]&&!(paused[w])))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][128] = 1;
		if (!((((int)now.alive[ Index(((int)((P1 *)_this)->w), 2) ])&& !(((int)now.paused[ Index(((int)((P1 *)_this)->w), 2) ])))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 296: // STATE 129 - jobq.pml:415 - [rst = st] (0:0:1 - 1)
		IfNotBlocked
		reached[1][129] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->rst);
		((P1 *)_this)->rst = ((int)now.st);
#ifdef VAR_RANGES
		logval("executor:rst", ((int)((P1 *)_this)->rst));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 297: // STATE 130 - jobq.pml:415 - [rown = owner] (0:0:1 - 1)
		IfNotBlocked
		reached[1][130] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->rown);
		((P1 *)_this)->rown = ((int)now.owner);
#ifdef VAR_RANGES
		logval("executor:rown", ((int)((P1 *)_this)->rown));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 298: // STATE 131 - jobq.pml:415 - [rtok = tok] (0:0:1 - 1)
		IfNotBlocked
		reached[1][131] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->rtok);
		((P1 *)_this)->rtok = ((int)now.tok);
#ifdef VAR_RANGES
		logval("executor:rtok", ((int)((P1 *)_this)->rtok));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 299: // STATE 132 - jobq.pml:415 - [rcid = cid] (0:0:1 - 1)
		IfNotBlocked
		reached[1][132] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->rcid);
		((P1 *)_this)->rcid = ((int)now.cid);
#ifdef VAR_RANGES
		logval("executor:rcid", ((int)((P1 *)_this)->rcid));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 300: // STATE 133 - jobq.pml:415 - [rcreq = creq] (0:0:1 - 1)
		IfNotBlocked
		reached[1][133] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->rcreq);
		((P1 *)_this)->rcreq = ((int)now.creq);
#ifdef VAR_RANGES
		logval("executor:rcreq", ((int)((P1 *)_this)->rcreq));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 301: // STATE 134 - jobq.pml:416 - [rdue = due] (0:0:1 - 1)
		IfNotBlocked
		reached[1][134] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->rdue);
		((P1 *)_this)->rdue = ((int)now.due);
#ifdef VAR_RANGES
		logval("executor:rdue", ((int)((P1 *)_this)->rdue));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 302: // STATE 135 - jobq.pml:416 - [rexp = expired] (0:0:1 - 1)
		IfNotBlocked
		reached[1][135] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->rexp);
		((P1 *)_this)->rexp = ((int)now.expired);
#ifdef VAR_RANGES
		logval("executor:rexp", ((int)((P1 *)_this)->rexp));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 303: // STATE 137 - jobq.pml:418 - [((rst>=4))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][137] = 1;
		if (!((((int)((P1 *)_this)->rst)>=4)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: rst */  (trpt+1)->bup.oval = ((P1 *)_this)->rst;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->rst = 0;
		_m = 3; goto P999; /* 0 */
	case 304: // STATE 138 - jobq.pml:358 - [assert((0||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][138] = 1;
		spin_assert((0||(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ])|| !((((((int)now.st)==3)&&(((int)now.tok)==((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])))&&(((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])!=0))))), "(0||(elost[e]|| !((((st==3)&&(tok==etok[e]))&&(etok[e]!=0)))))", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 305: // STATE 139 - jobq.pml:360 - [(((edl[e]&&(edg[e]==bgen[w]))&&0))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][139] = 1;
		if (!(((((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ])&&(((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ])==((int)now.bgen[ Index(((int)((P1 *)_this)->w), 2) ])))&&0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 306: // STATE 140 - jobq.pml:360 - [ready = ( ((ready<2)) -> ((ready+1)) : (ready) )] (0:0:1 - 1)
		IfNotBlocked
		reached[1][140] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 307: // STATE 145 - jobq.pml:363 - [edl[e] = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[1][145] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.edl[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("edl[executor:e]", ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 308: // STATE 146 - jobq.pml:250 - [eact[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][146] = 1;
		(trpt+1)->bup.oval = ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eact[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eact[executor:e]", ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 309: // STATE 147 - jobq.pml:250 - [estart[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][147] = 1;
		(trpt+1)->bup.oval = ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.estart[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("estart[executor:e]", ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 310: // STATE 148 - jobq.pml:250 - [etok[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][148] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 311: // STATE 149 - jobq.pml:250 - [eatt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][149] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 312: // STATE 150 - jobq.pml:250 - [ecid[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][150] = 1;
		(trpt+1)->bup.oval = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecid[executor:e]", ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 313: // STATE 151 - jobq.pml:250 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][151] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 314: // STATE 152 - jobq.pml:251 - [elost[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][152] = 1;
		(trpt+1)->bup.oval = ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.elost[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("elost[executor:e]", ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 315: // STATE 153 - jobq.pml:251 - [ecan[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][153] = 1;
		(trpt+1)->bup.oval = ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecan[executor:e]", ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 316: // STATE 154 - jobq.pml:251 - [hlive[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][154] = 1;
		(trpt+1)->bup.oval = ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hlive[executor:e]", ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 317: // STATE 155 - jobq.pml:251 - [eccr[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][155] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 318: // STATE 156 - jobq.pml:251 - [hbs[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][156] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbs[executor:e]", ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 319: // STATE 157 - jobq.pml:252 - [hbt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][157] = 1;
		(trpt+1)->bup.oval = ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbt[executor:e]", ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 320: // STATE 162 - jobq.pml:419 - [(((rst==1)||(rst==2)))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][162] = 1;
		if (!(((((int)((P1 *)_this)->rst)==1)||(((int)((P1 *)_this)->rst)==2))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 321: // STATE 163 - jobq.pml:421 - [(rcreq)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][163] = 1;
		if (!(((int)((P1 *)_this)->rcreq)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: rcreq */  (trpt+1)->bup.oval = ((P1 *)_this)->rcreq;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->rcreq = 0;
		_m = 3; goto P999; /* 0 */
	case 322: // STATE 164 - jobq.pml:422 - [((alive[w]&&!(paused[w])))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][164] = 1;
		if (!((((int)now.alive[ Index(((int)((P1 *)_this)->w), 2) ])&& !(((int)now.paused[ Index(((int)((P1 *)_this)->w), 2) ])))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 323: // STATE 165 - jobq.pml:422 - [(((st==1)||(st==2)))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][165] = 1;
		if (!(((((int)now.st)==1)||(((int)now.st)==2))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 324: // STATE 166 - jobq.pml:422 - [st = 6] (0:0:1 - 1)
		IfNotBlocked
		reached[1][166] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 6;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 325: // STATE 167 - jobq.pml:163 - [terms = (terms+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][167] = 1;
		(trpt+1)->bup.oval = ((int)now.terms);
		now.terms = (((int)now.terms)+1);
#ifdef VAR_RANGES
		logval("terms", ((int)now.terms));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 326: // STATE 168 - jobq.pml:164 - [assert((terms<=runs))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][168] = 1;
		spin_assert((((int)now.terms)<=((int)now.runs)), "(terms<=runs)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 327: // STATE 170 - jobq.pml:422 - [r = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][170] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 1;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 328: // STATE 172 - jobq.pml:422 - [r = 2] (0:0:1 - 1)
		IfNotBlocked
		reached[1][172] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 2;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 329: // STATE 175 - jobq.pml:422 - [((faults<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][175] = 1;
		if (!((((int)now.faults)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 330: // STATE 176 - jobq.pml:422 - [faults = (faults+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][176] = 1;
		(trpt+1)->bup.oval = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 331: // STATE 177 - jobq.pml:422 - [(((st==1)||(st==2)))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][177] = 1;
		if (!(((((int)now.st)==1)||(((int)now.st)==2))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 332: // STATE 178 - jobq.pml:422 - [st = 6] (0:0:1 - 1)
		IfNotBlocked
		reached[1][178] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 6;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 333: // STATE 179 - jobq.pml:163 - [terms = (terms+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][179] = 1;
		(trpt+1)->bup.oval = ((int)now.terms);
		now.terms = (((int)now.terms)+1);
#ifdef VAR_RANGES
		logval("terms", ((int)now.terms));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 334: // STATE 180 - jobq.pml:164 - [assert((terms<=runs))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][180] = 1;
		spin_assert((((int)now.terms)<=((int)now.runs)), "(terms<=runs)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 335: // STATE 182 - jobq.pml:422 - [r = 1] (0:0:2 - 1)
		IfNotBlocked
		reached[1][182] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 1;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		if (TstOnly) return 1; /* TT */
		/* dead 2: r */  
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 336: // STATE 184 - jobq.pml:422 - [r = 2] (0:0:2 - 1)
		IfNotBlocked
		reached[1][184] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 2;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		if (TstOnly) return 1; /* TT */
		/* dead 2: r */  
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 337: // STATE 187 - jobq.pml:422 - [r = 3] (0:0:1 - 3)
		IfNotBlocked
		reached[1][187] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 3;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 338: // STATE 188 - jobq.pml:422 - [((faults<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][188] = 1;
		if (!((((int)now.faults)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 339: // STATE 189 - jobq.pml:422 - [faults = (faults+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][189] = 1;
		(trpt+1)->bup.oval = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 340: // STATE 190 - jobq.pml:422 - [r = 3] (0:0:1 - 1)
		IfNotBlocked
		reached[1][190] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 3;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 341: // STATE 194 - jobq.pml:428 - [((r==1))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][194] = 1;
		if (!((((int)((P1 *)_this)->r)==1)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: r */  (trpt+1)->bup.oval = ((P1 *)_this)->r;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 342: // STATE 195 - jobq.pml:358 - [assert((0||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][195] = 1;
		spin_assert((0||(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ])|| !((((((int)now.st)==3)&&(((int)now.tok)==((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])))&&(((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])!=0))))), "(0||(elost[e]|| !((((st==3)&&(tok==etok[e]))&&(etok[e]!=0)))))", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 343: // STATE 196 - jobq.pml:360 - [(((edl[e]&&(edg[e]==bgen[w]))&&0))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][196] = 1;
		if (!(((((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ])&&(((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ])==((int)now.bgen[ Index(((int)((P1 *)_this)->w), 2) ])))&&0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 344: // STATE 197 - jobq.pml:360 - [ready = ( ((ready<2)) -> ((ready+1)) : (ready) )] (0:0:1 - 1)
		IfNotBlocked
		reached[1][197] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 345: // STATE 202 - jobq.pml:363 - [edl[e] = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[1][202] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.edl[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("edl[executor:e]", ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 346: // STATE 203 - jobq.pml:250 - [eact[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][203] = 1;
		(trpt+1)->bup.oval = ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eact[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eact[executor:e]", ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 347: // STATE 204 - jobq.pml:250 - [estart[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][204] = 1;
		(trpt+1)->bup.oval = ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.estart[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("estart[executor:e]", ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 348: // STATE 205 - jobq.pml:250 - [etok[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][205] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 349: // STATE 206 - jobq.pml:250 - [eatt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][206] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 350: // STATE 207 - jobq.pml:250 - [ecid[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][207] = 1;
		(trpt+1)->bup.oval = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecid[executor:e]", ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 351: // STATE 208 - jobq.pml:250 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][208] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 352: // STATE 209 - jobq.pml:251 - [elost[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][209] = 1;
		(trpt+1)->bup.oval = ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.elost[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("elost[executor:e]", ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 353: // STATE 210 - jobq.pml:251 - [ecan[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][210] = 1;
		(trpt+1)->bup.oval = ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecan[executor:e]", ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 354: // STATE 211 - jobq.pml:251 - [hlive[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][211] = 1;
		(trpt+1)->bup.oval = ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hlive[executor:e]", ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 355: // STATE 212 - jobq.pml:251 - [eccr[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][212] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 356: // STATE 213 - jobq.pml:251 - [hbs[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][213] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbs[executor:e]", ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 357: // STATE 214 - jobq.pml:252 - [hbt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][214] = 1;
		(trpt+1)->bup.oval = ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbt[executor:e]", ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 358: // STATE 219 - jobq.pml:429 - [((r==2))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][219] = 1;
		if (!((((int)((P1 *)_this)->r)==2)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: r */  (trpt+1)->bup.oval = ((P1 *)_this)->r;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 359: // STATE 221 - jobq.pml:430 - [((r==3))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][221] = 1;
		if (!((((int)((P1 *)_this)->r)==3)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: r */  (trpt+1)->bup.oval = ((P1 *)_this)->r;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 360: // STATE 222 - jobq.pml:358 - [assert((1||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][222] = 1;
		spin_assert((1||(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ])|| !((((((int)now.st)==3)&&(((int)now.tok)==((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])))&&(((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])!=0))))), "(1||(elost[e]|| !((((st==3)&&(tok==etok[e]))&&(etok[e]!=0)))))", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 361: // STATE 223 - jobq.pml:360 - [(((edl[e]&&(edg[e]==bgen[w]))&&1))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][223] = 1;
		if (!(((((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ])&&(((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ])==((int)now.bgen[ Index(((int)((P1 *)_this)->w), 2) ])))&&1)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 362: // STATE 224 - jobq.pml:360 - [ready = ( ((ready<2)) -> ((ready+1)) : (ready) )] (0:0:1 - 1)
		IfNotBlocked
		reached[1][224] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 363: // STATE 229 - jobq.pml:363 - [edl[e] = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[1][229] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.edl[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("edl[executor:e]", ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 364: // STATE 230 - jobq.pml:250 - [eact[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][230] = 1;
		(trpt+1)->bup.oval = ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eact[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eact[executor:e]", ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 365: // STATE 231 - jobq.pml:250 - [estart[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][231] = 1;
		(trpt+1)->bup.oval = ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.estart[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("estart[executor:e]", ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 366: // STATE 232 - jobq.pml:250 - [etok[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][232] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 367: // STATE 233 - jobq.pml:250 - [eatt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][233] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 368: // STATE 234 - jobq.pml:250 - [ecid[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][234] = 1;
		(trpt+1)->bup.oval = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecid[executor:e]", ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 369: // STATE 235 - jobq.pml:250 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][235] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 370: // STATE 236 - jobq.pml:251 - [elost[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][236] = 1;
		(trpt+1)->bup.oval = ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.elost[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("elost[executor:e]", ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 371: // STATE 237 - jobq.pml:251 - [ecan[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][237] = 1;
		(trpt+1)->bup.oval = ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecan[executor:e]", ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 372: // STATE 238 - jobq.pml:251 - [hlive[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][238] = 1;
		(trpt+1)->bup.oval = ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hlive[executor:e]", ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 373: // STATE 239 - jobq.pml:251 - [eccr[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][239] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 374: // STATE 240 - jobq.pml:251 - [hbs[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][240] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbs[executor:e]", ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 375: // STATE 241 - jobq.pml:252 - [hbt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][241] = 1;
		(trpt+1)->bup.oval = ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbt[executor:e]", ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 376: // STATE 248 - jobq.pml:432 - [(((!(rcreq)&&(rst==1))&&rdue))] (0:0:3 - 1)
		IfNotBlocked
		reached[1][248] = 1;
		if (!((( !(((int)((P1 *)_this)->rcreq))&&(((int)((P1 *)_this)->rst)==1))&&((int)((P1 *)_this)->rdue))))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: rcreq */  (trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((P1 *)_this)->rcreq;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->rcreq = 0;
		if (TstOnly) return 1; /* TT */
		/* dead 1: rst */  (trpt+1)->bup.ovals[1] = ((P1 *)_this)->rst;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->rst = 0;
		if (TstOnly) return 1; /* TT */
		/* dead 1: rdue */  (trpt+1)->bup.ovals[2] = ((P1 *)_this)->rdue;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->rdue = 0;
		_m = 3; goto P999; /* 0 */
	case 377: // STATE 249 - jobq.pml:371 - [ncid = (ncid+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][249] = 1;
		(trpt+1)->bup.oval = ((int)now.ncid);
		now.ncid = (((int)now.ncid)+1);
#ifdef VAR_RANGES
		logval("ncid", ((int)now.ncid));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 378: // STATE 250 - jobq.pml:372 - [ecid[e] = ncid] (0:0:1 - 1)
		IfNotBlocked
		reached[1][250] = 1;
		(trpt+1)->bup.oval = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = ((int)now.ncid);
#ifdef VAR_RANGES
		logval("ecid[executor:e]", ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 379: // STATE 252 - jobq.pml:435 - [((alive[w]&&!(paused[w])))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][252] = 1;
		if (!((((int)now.alive[ Index(((int)((P1 *)_this)->w), 2) ])&& !(((int)now.paused[ Index(((int)((P1 *)_this)->w), 2) ])))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 380: // STATE 253 - jobq.pml:200 - [((((st==1)&&!(creq))&&due))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][253] = 1;
		if (!((((((int)now.st)==1)&& !(((int)now.creq)))&&((int)now.due))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 381: // STATE 254 - jobq.pml:201 - [st = 3] (0:0:1 - 1)
		IfNotBlocked
		reached[1][254] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 3;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 382: // STATE 255 - jobq.pml:201 - [owner = (w+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][255] = 1;
		(trpt+1)->bup.oval = ((int)now.owner);
		now.owner = (((int)((P1 *)_this)->w)+1);
#ifdef VAR_RANGES
		logval("owner", ((int)now.owner));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 383: // STATE 256 - jobq.pml:201 - [att = (att+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][256] = 1;
		(trpt+1)->bup.oval = ((int)now.att);
		now.att = (((int)now.att)+1);
#ifdef VAR_RANGES
		logval("att", ((int)now.att));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 384: // STATE 257 - jobq.pml:169 - [tok = (tok+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][257] = 1;
		(trpt+1)->bup.oval = ((int)now.tok);
		now.tok = (((int)now.tok)+1);
#ifdef VAR_RANGES
		logval("tok", ((int)now.tok));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 385: // STATE 258 - jobq.pml:170 - [assert((tok<250))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][258] = 1;
		spin_assert((((int)now.tok)<250), "(tok<250)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 386: // STATE 260 - jobq.pml:201 - [cid = ecid[e]] (0:0:1 - 1)
		IfNotBlocked
		reached[1][260] = 1;
		(trpt+1)->bup.oval = ((int)now.cid);
		now.cid = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
#ifdef VAR_RANGES
		logval("cid", ((int)now.cid));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 387: // STATE 261 - jobq.pml:201 - [pub = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][261] = 1;
		(trpt+1)->bup.oval = ((int)now.pub);
		now.pub = 1;
#ifdef VAR_RANGES
		logval("pub", ((int)now.pub));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 388: // STATE 262 - jobq.pml:202 - [expired = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][262] = 1;
		(trpt+1)->bup.oval = ((int)now.expired);
		now.expired = 0;
#ifdef VAR_RANGES
		logval("expired", ((int)now.expired));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 389: // STATE 263 - jobq.pml:202 - [etok[e] = tok] (0:0:1 - 1)
		IfNotBlocked
		reached[1][263] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = ((int)now.tok);
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 390: // STATE 264 - jobq.pml:202 - [eatt[e] = att] (0:0:1 - 1)
		IfNotBlocked
		reached[1][264] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = ((int)now.att);
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 391: // STATE 265 - jobq.pml:202 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][265] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 392: // STATE 266 - jobq.pml:202 - [eccr[e] = creq] (0:0:1 - 1)
		IfNotBlocked
		reached[1][266] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = ((int)now.creq);
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 393: // STATE 267 - jobq.pml:192 - [assert((etok[e]>maxftok))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][267] = 1;
		spin_assert((((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])>((int)now.maxftok)), "(etok[e]>maxftok)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 394: // STATE 268 - jobq.pml:193 - [maxftok = etok[e]] (0:0:1 - 1)
		IfNotBlocked
		reached[1][268] = 1;
		(trpt+1)->bup.oval = ((int)now.maxftok);
		now.maxftok = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
#ifdef VAR_RANGES
		logval("maxftok", ((int)now.maxftok));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 395: // STATE 270 - jobq.pml:203 - [r = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][270] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 1;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 396: // STATE 272 - jobq.pml:204 - [r = 2] (0:0:1 - 1)
		IfNotBlocked
		reached[1][272] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 2;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 397: // STATE 276 - jobq.pml:435 - [((faults<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][276] = 1;
		if (!((((int)now.faults)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 398: // STATE 277 - jobq.pml:435 - [faults = (faults+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][277] = 1;
		(trpt+1)->bup.oval = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 399: // STATE 278 - jobq.pml:200 - [((((st==1)&&!(creq))&&due))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][278] = 1;
		if (!((((((int)now.st)==1)&& !(((int)now.creq)))&&((int)now.due))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 400: // STATE 279 - jobq.pml:201 - [st = 3] (0:0:1 - 1)
		IfNotBlocked
		reached[1][279] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 3;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 401: // STATE 280 - jobq.pml:201 - [owner = (w+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][280] = 1;
		(trpt+1)->bup.oval = ((int)now.owner);
		now.owner = (((int)((P1 *)_this)->w)+1);
#ifdef VAR_RANGES
		logval("owner", ((int)now.owner));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 402: // STATE 281 - jobq.pml:201 - [att = (att+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][281] = 1;
		(trpt+1)->bup.oval = ((int)now.att);
		now.att = (((int)now.att)+1);
#ifdef VAR_RANGES
		logval("att", ((int)now.att));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 403: // STATE 282 - jobq.pml:169 - [tok = (tok+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][282] = 1;
		(trpt+1)->bup.oval = ((int)now.tok);
		now.tok = (((int)now.tok)+1);
#ifdef VAR_RANGES
		logval("tok", ((int)now.tok));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 404: // STATE 283 - jobq.pml:170 - [assert((tok<250))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][283] = 1;
		spin_assert((((int)now.tok)<250), "(tok<250)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 405: // STATE 285 - jobq.pml:201 - [cid = ecid[e]] (0:0:1 - 1)
		IfNotBlocked
		reached[1][285] = 1;
		(trpt+1)->bup.oval = ((int)now.cid);
		now.cid = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
#ifdef VAR_RANGES
		logval("cid", ((int)now.cid));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 406: // STATE 286 - jobq.pml:201 - [pub = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][286] = 1;
		(trpt+1)->bup.oval = ((int)now.pub);
		now.pub = 1;
#ifdef VAR_RANGES
		logval("pub", ((int)now.pub));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 407: // STATE 287 - jobq.pml:202 - [expired = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][287] = 1;
		(trpt+1)->bup.oval = ((int)now.expired);
		now.expired = 0;
#ifdef VAR_RANGES
		logval("expired", ((int)now.expired));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 408: // STATE 288 - jobq.pml:202 - [etok[e] = tok] (0:0:1 - 1)
		IfNotBlocked
		reached[1][288] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = ((int)now.tok);
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 409: // STATE 289 - jobq.pml:202 - [eatt[e] = att] (0:0:1 - 1)
		IfNotBlocked
		reached[1][289] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = ((int)now.att);
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 410: // STATE 290 - jobq.pml:202 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][290] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 411: // STATE 291 - jobq.pml:202 - [eccr[e] = creq] (0:0:1 - 1)
		IfNotBlocked
		reached[1][291] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = ((int)now.creq);
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 412: // STATE 292 - jobq.pml:192 - [assert((etok[e]>maxftok))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][292] = 1;
		spin_assert((((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])>((int)now.maxftok)), "(etok[e]>maxftok)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 413: // STATE 293 - jobq.pml:193 - [maxftok = etok[e]] (0:0:1 - 1)
		IfNotBlocked
		reached[1][293] = 1;
		(trpt+1)->bup.oval = ((int)now.maxftok);
		now.maxftok = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
#ifdef VAR_RANGES
		logval("maxftok", ((int)now.maxftok));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 414: // STATE 295 - jobq.pml:203 - [r = 1] (0:0:2 - 1)
		IfNotBlocked
		reached[1][295] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 1;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		if (TstOnly) return 1; /* TT */
		/* dead 2: r */  
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 415: // STATE 297 - jobq.pml:204 - [r = 2] (0:0:2 - 1)
		IfNotBlocked
		reached[1][297] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 2;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		if (TstOnly) return 1; /* TT */
		/* dead 2: r */  
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 416: // STATE 301 - jobq.pml:435 - [r = 3] (0:0:1 - 3)
		IfNotBlocked
		reached[1][301] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 3;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 417: // STATE 302 - jobq.pml:435 - [((faults<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][302] = 1;
		if (!((((int)now.faults)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 418: // STATE 303 - jobq.pml:435 - [faults = (faults+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][303] = 1;
		(trpt+1)->bup.oval = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 419: // STATE 304 - jobq.pml:435 - [r = 3] (0:0:1 - 1)
		IfNotBlocked
		reached[1][304] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 3;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 420: // STATE 308 - jobq.pml:437 - [((r==1))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][308] = 1;
		if (!((((int)((P1 *)_this)->r)==1)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: r */  (trpt+1)->bup.oval = ((P1 *)_this)->r;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 421: // STATE 310 - jobq.pml:438 - [((r==3))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][310] = 1;
		if (!((((int)((P1 *)_this)->r)==3)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: r */  (trpt+1)->bup.oval = ((P1 *)_this)->r;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 422: // STATE 312 - jobq.pml:358 - [assert((1||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][312] = 1;
		spin_assert((1||(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ])|| !((((((int)now.st)==3)&&(((int)now.tok)==((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])))&&(((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])!=0))))), "(1||(elost[e]|| !((((st==3)&&(tok==etok[e]))&&(etok[e]!=0)))))", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 423: // STATE 313 - jobq.pml:360 - [(((edl[e]&&(edg[e]==bgen[w]))&&1))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][313] = 1;
		if (!(((((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ])&&(((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ])==((int)now.bgen[ Index(((int)((P1 *)_this)->w), 2) ])))&&1)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 424: // STATE 314 - jobq.pml:360 - [ready = ( ((ready<2)) -> ((ready+1)) : (ready) )] (0:0:1 - 1)
		IfNotBlocked
		reached[1][314] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 425: // STATE 319 - jobq.pml:363 - [edl[e] = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[1][319] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.edl[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("edl[executor:e]", ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 426: // STATE 320 - jobq.pml:250 - [eact[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][320] = 1;
		(trpt+1)->bup.oval = ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eact[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eact[executor:e]", ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 427: // STATE 321 - jobq.pml:250 - [estart[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][321] = 1;
		(trpt+1)->bup.oval = ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.estart[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("estart[executor:e]", ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 428: // STATE 322 - jobq.pml:250 - [etok[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][322] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 429: // STATE 323 - jobq.pml:250 - [eatt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][323] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 430: // STATE 324 - jobq.pml:250 - [ecid[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][324] = 1;
		(trpt+1)->bup.oval = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecid[executor:e]", ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 431: // STATE 325 - jobq.pml:250 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][325] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 432: // STATE 326 - jobq.pml:251 - [elost[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][326] = 1;
		(trpt+1)->bup.oval = ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.elost[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("elost[executor:e]", ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 433: // STATE 327 - jobq.pml:251 - [ecan[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][327] = 1;
		(trpt+1)->bup.oval = ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecan[executor:e]", ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 434: // STATE 328 - jobq.pml:251 - [hlive[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][328] = 1;
		(trpt+1)->bup.oval = ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hlive[executor:e]", ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 435: // STATE 329 - jobq.pml:251 - [eccr[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][329] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 436: // STATE 330 - jobq.pml:251 - [hbs[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][330] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbs[executor:e]", ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 437: // STATE 331 - jobq.pml:252 - [hbt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][331] = 1;
		(trpt+1)->bup.oval = ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbt[executor:e]", ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 438: // STATE 338 - jobq.pml:442 - [((r==2))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][338] = 1;
		if (!((((int)((P1 *)_this)->r)==2)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: r */  (trpt+1)->bup.oval = ((P1 *)_this)->r;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 439: // STATE 343 - jobq.pml:358 - [assert((0||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][343] = 1;
		spin_assert((0||(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ])|| !((((((int)now.st)==3)&&(((int)now.tok)==((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])))&&(((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])!=0))))), "(0||(elost[e]|| !((((st==3)&&(tok==etok[e]))&&(etok[e]!=0)))))", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 440: // STATE 344 - jobq.pml:360 - [(((edl[e]&&(edg[e]==bgen[w]))&&0))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][344] = 1;
		if (!(((((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ])&&(((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ])==((int)now.bgen[ Index(((int)((P1 *)_this)->w), 2) ])))&&0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 441: // STATE 345 - jobq.pml:360 - [ready = ( ((ready<2)) -> ((ready+1)) : (ready) )] (0:0:1 - 1)
		IfNotBlocked
		reached[1][345] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 442: // STATE 350 - jobq.pml:363 - [edl[e] = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[1][350] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.edl[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("edl[executor:e]", ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 443: // STATE 351 - jobq.pml:250 - [eact[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][351] = 1;
		(trpt+1)->bup.oval = ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eact[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eact[executor:e]", ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 444: // STATE 352 - jobq.pml:250 - [estart[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][352] = 1;
		(trpt+1)->bup.oval = ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.estart[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("estart[executor:e]", ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 445: // STATE 353 - jobq.pml:250 - [etok[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][353] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 446: // STATE 354 - jobq.pml:250 - [eatt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][354] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 447: // STATE 355 - jobq.pml:250 - [ecid[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][355] = 1;
		(trpt+1)->bup.oval = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecid[executor:e]", ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 448: // STATE 356 - jobq.pml:250 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][356] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 449: // STATE 357 - jobq.pml:251 - [elost[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][357] = 1;
		(trpt+1)->bup.oval = ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.elost[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("elost[executor:e]", ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 450: // STATE 358 - jobq.pml:251 - [ecan[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][358] = 1;
		(trpt+1)->bup.oval = ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecan[executor:e]", ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 451: // STATE 359 - jobq.pml:251 - [hlive[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][359] = 1;
		(trpt+1)->bup.oval = ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hlive[executor:e]", ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 452: // STATE 360 - jobq.pml:251 - [eccr[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][360] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 453: // STATE 361 - jobq.pml:251 - [hbs[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][361] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbs[executor:e]", ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 454: // STATE 362 - jobq.pml:252 - [hbt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][362] = 1;
		(trpt+1)->bup.oval = ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbt[executor:e]", ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 455: // STATE 369 - jobq.pml:446 - [((((rst==3)&&(rown==(w+1)))&&(rcid==ecid[e])))] (0:0:3 - 1)
		IfNotBlocked
		reached[1][369] = 1;
		if (!((((((int)((P1 *)_this)->rst)==3)&&(((int)((P1 *)_this)->rown)==(((int)((P1 *)_this)->w)+1)))&&(((int)((P1 *)_this)->rcid)==((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ])))))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: rst */  (trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((P1 *)_this)->rst;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->rst = 0;
		if (TstOnly) return 1; /* TT */
		/* dead 1: rown */  (trpt+1)->bup.ovals[1] = ((P1 *)_this)->rown;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->rown = 0;
		if (TstOnly) return 1; /* TT */
		/* dead 1: rcid */  (trpt+1)->bup.ovals[2] = ((P1 *)_this)->rcid;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->rcid = 0;
		_m = 3; goto P999; /* 0 */
	case 456: // STATE 370 - jobq.pml:448 - [((alive[w]&&!(paused[w])))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][370] = 1;
		if (!((((int)now.alive[ Index(((int)((P1 *)_this)->w), 2) ])&& !(((int)now.paused[ Index(((int)((P1 *)_this)->w), 2) ])))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 457: // STATE 371 - jobq.pml:448 - [((((st==3)&&(owner==(w+1)))&&(cid==ecid[e])))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][371] = 1;
		if (!((((((int)now.st)==3)&&(((int)now.owner)==(((int)((P1 *)_this)->w)+1)))&&(((int)now.cid)==((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ])))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 458: // STATE 372 - jobq.pml:448 - [r = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][372] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 1;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 459: // STATE 374 - jobq.pml:448 - [r = 2] (0:0:1 - 1)
		IfNotBlocked
		reached[1][374] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 2;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 460: // STATE 377 - jobq.pml:448 - [((faults<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][377] = 1;
		if (!((((int)now.faults)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 461: // STATE 378 - jobq.pml:448 - [faults = (faults+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][378] = 1;
		(trpt+1)->bup.oval = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 462: // STATE 379 - jobq.pml:448 - [((((st==3)&&(owner==(w+1)))&&(cid==ecid[e])))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][379] = 1;
		if (!((((((int)now.st)==3)&&(((int)now.owner)==(((int)((P1 *)_this)->w)+1)))&&(((int)now.cid)==((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ])))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 463: // STATE 380 - jobq.pml:448 - [r = 1] (0:0:2 - 1)
		IfNotBlocked
		reached[1][380] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 1;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		if (TstOnly) return 1; /* TT */
		/* dead 2: r */  
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 464: // STATE 382 - jobq.pml:448 - [r = 2] (0:0:2 - 1)
		IfNotBlocked
		reached[1][382] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 2;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		if (TstOnly) return 1; /* TT */
		/* dead 2: r */  
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 465: // STATE 385 - jobq.pml:448 - [r = 3] (0:0:1 - 3)
		IfNotBlocked
		reached[1][385] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 3;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 466: // STATE 386 - jobq.pml:448 - [((faults<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][386] = 1;
		if (!((((int)now.faults)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 467: // STATE 387 - jobq.pml:448 - [faults = (faults+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][387] = 1;
		(trpt+1)->bup.oval = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 468: // STATE 388 - jobq.pml:448 - [r = 3] (0:0:1 - 1)
		IfNotBlocked
		reached[1][388] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 3;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 469: // STATE 392 - jobq.pml:453 - [((r==1))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][392] = 1;
		if (!((((int)((P1 *)_this)->r)==1)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: r */  (trpt+1)->bup.oval = ((P1 *)_this)->r;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 470: // STATE 394 - jobq.pml:454 - [((r==2))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][394] = 1;
		if (!((((int)((P1 *)_this)->r)==2)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: r */  (trpt+1)->bup.oval = ((P1 *)_this)->r;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 471: // STATE 396 - jobq.pml:455 - [((r==3))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][396] = 1;
		if (!((((int)((P1 *)_this)->r)==3)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: r */  (trpt+1)->bup.oval = ((P1 *)_this)->r;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 472: // STATE 397 - jobq.pml:358 - [assert((1||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][397] = 1;
		spin_assert((1||(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ])|| !((((((int)now.st)==3)&&(((int)now.tok)==((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])))&&(((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])!=0))))), "(1||(elost[e]|| !((((st==3)&&(tok==etok[e]))&&(etok[e]!=0)))))", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 473: // STATE 398 - jobq.pml:360 - [(((edl[e]&&(edg[e]==bgen[w]))&&1))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][398] = 1;
		if (!(((((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ])&&(((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ])==((int)now.bgen[ Index(((int)((P1 *)_this)->w), 2) ])))&&1)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 474: // STATE 399 - jobq.pml:360 - [ready = ( ((ready<2)) -> ((ready+1)) : (ready) )] (0:0:1 - 1)
		IfNotBlocked
		reached[1][399] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 475: // STATE 404 - jobq.pml:363 - [edl[e] = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[1][404] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.edl[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("edl[executor:e]", ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 476: // STATE 405 - jobq.pml:250 - [eact[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][405] = 1;
		(trpt+1)->bup.oval = ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eact[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eact[executor:e]", ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 477: // STATE 406 - jobq.pml:250 - [estart[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][406] = 1;
		(trpt+1)->bup.oval = ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.estart[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("estart[executor:e]", ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 478: // STATE 407 - jobq.pml:250 - [etok[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][407] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 479: // STATE 408 - jobq.pml:250 - [eatt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][408] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 480: // STATE 409 - jobq.pml:250 - [ecid[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][409] = 1;
		(trpt+1)->bup.oval = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecid[executor:e]", ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 481: // STATE 410 - jobq.pml:250 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][410] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 482: // STATE 411 - jobq.pml:251 - [elost[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][411] = 1;
		(trpt+1)->bup.oval = ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.elost[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("elost[executor:e]", ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 483: // STATE 412 - jobq.pml:251 - [ecan[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][412] = 1;
		(trpt+1)->bup.oval = ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecan[executor:e]", ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 484: // STATE 413 - jobq.pml:251 - [hlive[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][413] = 1;
		(trpt+1)->bup.oval = ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hlive[executor:e]", ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 485: // STATE 414 - jobq.pml:251 - [eccr[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][414] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 486: // STATE 415 - jobq.pml:251 - [hbs[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][415] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbs[executor:e]", ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 487: // STATE 416 - jobq.pml:252 - [hbt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][416] = 1;
		(trpt+1)->bup.oval = ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbt[executor:e]", ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 488: // STATE 423 - jobq.pml:457 - [((((rst==3)&&(rown==(w+1)))&&(rcid!=ecid[e])))] (0:0:2 - 1)
		IfNotBlocked
		reached[1][423] = 1;
		if (!((((((int)((P1 *)_this)->rst)==3)&&(((int)((P1 *)_this)->rown)==(((int)((P1 *)_this)->w)+1)))&&(((int)((P1 *)_this)->rcid)!=((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ])))))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: rst */  (trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((P1 *)_this)->rst;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->rst = 0;
		if (TstOnly) return 1; /* TT */
		/* dead 1: rcid */  (trpt+1)->bup.ovals[1] = ((P1 *)_this)->rcid;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->rcid = 0;
		_m = 3; goto P999; /* 0 */
	case 489: // STATE 424 - jobq.pml:460 - [found = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][424] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->found);
		((P1 *)_this)->found = 0;
#ifdef VAR_RANGES
		logval("executor:found", ((int)((P1 *)_this)->found));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 490: // STATE 425 - jobq.pml:462 - [((((e!=0)&&eact[0])&&(( ((0<2)) -> (0) : (1) )==w)))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][425] = 1;
		if (!((((((int)((P1 *)_this)->e)!=0)&&((int)now.eact[0]))&&(( ((0<2)) ? (0) : (1) )==((int)((P1 *)_this)->w)))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 491: // STATE 426 - jobq.pml:462 - [found = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][426] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->found);
		((P1 *)_this)->found = 1;
#ifdef VAR_RANGES
		logval("executor:found", ((int)((P1 *)_this)->found));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 492: // STATE 427 - jobq.pml:464 - [((edg[e]>edg[0]))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][427] = 1;
		if (!((((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ])>((int)now.edg[0]))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 493: // STATE 428 - jobq.pml:464 - [edg[0] = edg[e]] (0:0:1 - 1)
		IfNotBlocked
		reached[1][428] = 1;
		(trpt+1)->bup.oval = ((int)now.edg[0]);
		now.edg[0] = ((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ]);
#ifdef VAR_RANGES
		logval("edg[0]", ((int)now.edg[0]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 494: // STATE 429 - jobq.pml:464 - [edl[0] = edl[e]] (0:0:1 - 1)
		IfNotBlocked
		reached[1][429] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[0]);
		now.edl[0] = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
#ifdef VAR_RANGES
		logval("edl[0]", ((int)now.edl[0]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 495: // STATE 430 - jobq.pml:464 - [edl[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][430] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.edl[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("edl[executor:e]", ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 496: // STATE 435 - jobq.pml:467 - [((((e!=1)&&eact[1])&&(( ((1<2)) -> (0) : (1) )==w)))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][435] = 1;
		if (!((((((int)((P1 *)_this)->e)!=1)&&((int)now.eact[1]))&&(( ((1<2)) ? (0) : (1) )==((int)((P1 *)_this)->w)))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 497: // STATE 436 - jobq.pml:467 - [found = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][436] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->found);
		((P1 *)_this)->found = 1;
#ifdef VAR_RANGES
		logval("executor:found", ((int)((P1 *)_this)->found));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 498: // STATE 437 - jobq.pml:469 - [((edg[e]>edg[1]))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][437] = 1;
		if (!((((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ])>((int)now.edg[1]))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 499: // STATE 438 - jobq.pml:469 - [edg[1] = edg[e]] (0:0:1 - 1)
		IfNotBlocked
		reached[1][438] = 1;
		(trpt+1)->bup.oval = ((int)now.edg[1]);
		now.edg[1] = ((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ]);
#ifdef VAR_RANGES
		logval("edg[1]", ((int)now.edg[1]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 500: // STATE 439 - jobq.pml:469 - [edl[1] = edl[e]] (0:0:1 - 1)
		IfNotBlocked
		reached[1][439] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[1]);
		now.edl[1] = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
#ifdef VAR_RANGES
		logval("edl[1]", ((int)now.edl[1]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 501: // STATE 440 - jobq.pml:469 - [edl[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][440] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.edl[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("edl[executor:e]", ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 502: // STATE 450 - jobq.pml:476 - [(found)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][450] = 1;
		if (!(((int)((P1 *)_this)->found)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: found */  (trpt+1)->bup.oval = ((P1 *)_this)->found;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->found = 0;
		_m = 3; goto P999; /* 0 */
	case 503: // STATE 451 - jobq.pml:358 - [assert((0||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][451] = 1;
		spin_assert((0||(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ])|| !((((((int)now.st)==3)&&(((int)now.tok)==((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])))&&(((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])!=0))))), "(0||(elost[e]|| !((((st==3)&&(tok==etok[e]))&&(etok[e]!=0)))))", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 504: // STATE 452 - jobq.pml:360 - [(((edl[e]&&(edg[e]==bgen[w]))&&0))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][452] = 1;
		if (!(((((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ])&&(((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ])==((int)now.bgen[ Index(((int)((P1 *)_this)->w), 2) ])))&&0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 505: // STATE 453 - jobq.pml:360 - [ready = ( ((ready<2)) -> ((ready+1)) : (ready) )] (0:0:1 - 1)
		IfNotBlocked
		reached[1][453] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 506: // STATE 458 - jobq.pml:363 - [edl[e] = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[1][458] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.edl[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("edl[executor:e]", ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 507: // STATE 459 - jobq.pml:250 - [eact[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][459] = 1;
		(trpt+1)->bup.oval = ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eact[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eact[executor:e]", ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 508: // STATE 460 - jobq.pml:250 - [estart[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][460] = 1;
		(trpt+1)->bup.oval = ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.estart[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("estart[executor:e]", ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 509: // STATE 461 - jobq.pml:250 - [etok[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][461] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 510: // STATE 462 - jobq.pml:250 - [eatt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][462] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 511: // STATE 463 - jobq.pml:250 - [ecid[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][463] = 1;
		(trpt+1)->bup.oval = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecid[executor:e]", ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 512: // STATE 464 - jobq.pml:250 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][464] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 513: // STATE 465 - jobq.pml:251 - [elost[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][465] = 1;
		(trpt+1)->bup.oval = ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.elost[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("elost[executor:e]", ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 514: // STATE 466 - jobq.pml:251 - [ecan[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][466] = 1;
		(trpt+1)->bup.oval = ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecan[executor:e]", ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 515: // STATE 467 - jobq.pml:251 - [hlive[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][467] = 1;
		(trpt+1)->bup.oval = ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hlive[executor:e]", ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 516: // STATE 468 - jobq.pml:251 - [eccr[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][468] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 517: // STATE 469 - jobq.pml:251 - [hbs[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][469] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbs[executor:e]", ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 518: // STATE 470 - jobq.pml:252 - [hbt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][470] = 1;
		(trpt+1)->bup.oval = ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbt[executor:e]", ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 519: // STATE 476 - jobq.pml:477 - [dead = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][476] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->dead);
		((P1 *)_this)->dead = 1;
#ifdef VAR_RANGES
		logval("executor:dead", ((int)((P1 *)_this)->dead));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 520: // STATE 480 - jobq.pml:479 - [((((rst==3)&&(rown!=(w+1)))&&rexp))] (0:0:2 - 1)
		IfNotBlocked
		reached[1][480] = 1;
		if (!((((((int)((P1 *)_this)->rst)==3)&&(((int)((P1 *)_this)->rown)!=(((int)((P1 *)_this)->w)+1)))&&((int)((P1 *)_this)->rexp))))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: rst */  (trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((P1 *)_this)->rst;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->rst = 0;
		if (TstOnly) return 1; /* TT */
		/* dead 1: rexp */  (trpt+1)->bup.ovals[1] = ((P1 *)_this)->rexp;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->rexp = 0;
		_m = 3; goto P999; /* 0 */
	case 521: // STATE 481 - jobq.pml:479 - [dead = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][481] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->dead);
		((P1 *)_this)->dead = 0;
#ifdef VAR_RANGES
		logval("executor:dead", ((int)((P1 *)_this)->dead));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 522: // STATE 483 - jobq.pml:480 - [((((rst==3)&&(rown!=(w+1)))&&!(rexp)))] (0:0:2 - 1)
		IfNotBlocked
		reached[1][483] = 1;
		if (!((((((int)((P1 *)_this)->rst)==3)&&(((int)((P1 *)_this)->rown)!=(((int)((P1 *)_this)->w)+1)))&& !(((int)((P1 *)_this)->rexp)))))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: rst */  (trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((P1 *)_this)->rst;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->rst = 0;
		if (TstOnly) return 1; /* TT */
		/* dead 1: rexp */  (trpt+1)->bup.ovals[1] = ((P1 *)_this)->rexp;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->rexp = 0;
		_m = 3; goto P999; /* 0 */
	case 523: // STATE 484 - jobq.pml:482 - [((alive[w]&&!(paused[w])))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][484] = 1;
		if (!((((int)now.alive[ Index(((int)((P1 *)_this)->w), 2) ])&& !(((int)now.paused[ Index(((int)((P1 *)_this)->w), 2) ])))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 524: // STATE 485 - jobq.pml:482 - [dead = !(lock[(rown-1)])] (0:0:1 - 1)
		IfNotBlocked
		reached[1][485] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->dead);
		((P1 *)_this)->dead =  !(((int)now.lock[ Index((((int)((P1 *)_this)->rown)-1), 2) ]));
#ifdef VAR_RANGES
		logval("executor:dead", ((int)((P1 *)_this)->dead));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 525: // STATE 487 - jobq.pml:484 - [(dead)] (0:0:0 - 1)
		IfNotBlocked
		reached[1][487] = 1;
		if (!(((int)((P1 *)_this)->dead)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 526: // STATE 490 - jobq.pml:358 - [assert((0||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][490] = 1;
		spin_assert((0||(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ])|| !((((((int)now.st)==3)&&(((int)now.tok)==((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])))&&(((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])!=0))))), "(0||(elost[e]|| !((((st==3)&&(tok==etok[e]))&&(etok[e]!=0)))))", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 527: // STATE 491 - jobq.pml:360 - [(((edl[e]&&(edg[e]==bgen[w]))&&0))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][491] = 1;
		if (!(((((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ])&&(((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ])==((int)now.bgen[ Index(((int)((P1 *)_this)->w), 2) ])))&&0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 528: // STATE 492 - jobq.pml:360 - [ready = ( ((ready<2)) -> ((ready+1)) : (ready) )] (0:0:1 - 1)
		IfNotBlocked
		reached[1][492] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 529: // STATE 497 - jobq.pml:363 - [edl[e] = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[1][497] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.edl[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("edl[executor:e]", ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 530: // STATE 498 - jobq.pml:250 - [eact[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][498] = 1;
		(trpt+1)->bup.oval = ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eact[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eact[executor:e]", ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 531: // STATE 499 - jobq.pml:250 - [estart[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][499] = 1;
		(trpt+1)->bup.oval = ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.estart[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("estart[executor:e]", ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 532: // STATE 500 - jobq.pml:250 - [etok[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][500] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 533: // STATE 501 - jobq.pml:250 - [eatt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][501] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 534: // STATE 502 - jobq.pml:250 - [ecid[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][502] = 1;
		(trpt+1)->bup.oval = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecid[executor:e]", ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 535: // STATE 503 - jobq.pml:250 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][503] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 536: // STATE 504 - jobq.pml:251 - [elost[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][504] = 1;
		(trpt+1)->bup.oval = ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.elost[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("elost[executor:e]", ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 537: // STATE 505 - jobq.pml:251 - [ecan[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][505] = 1;
		(trpt+1)->bup.oval = ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecan[executor:e]", ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 538: // STATE 506 - jobq.pml:251 - [hlive[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][506] = 1;
		(trpt+1)->bup.oval = ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hlive[executor:e]", ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 539: // STATE 507 - jobq.pml:251 - [eccr[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][507] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 540: // STATE 508 - jobq.pml:251 - [hbs[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][508] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbs[executor:e]", ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 541: // STATE 509 - jobq.pml:252 - [hbt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][509] = 1;
		(trpt+1)->bup.oval = ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbt[executor:e]", ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 542: // STATE 519 - jobq.pml:371 - [ncid = (ncid+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][519] = 1;
		(trpt+1)->bup.oval = ((int)now.ncid);
		now.ncid = (((int)now.ncid)+1);
#ifdef VAR_RANGES
		logval("ncid", ((int)now.ncid));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 543: // STATE 520 - jobq.pml:372 - [ecid[e] = ncid] (0:0:1 - 1)
		IfNotBlocked
		reached[1][520] = 1;
		(trpt+1)->bup.oval = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = ((int)now.ncid);
#ifdef VAR_RANGES
		logval("ecid[executor:e]", ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 544: // STATE 522 - jobq.pml:492 - [((alive[w]&&!(paused[w])))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][522] = 1;
		if (!((((int)now.alive[ Index(((int)((P1 *)_this)->w), 2) ])&& !(((int)now.paused[ Index(((int)((P1 *)_this)->w), 2) ])))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 545: // STATE 523 - jobq.pml:213 - [(((((st==3)&&(owner==rown))&&(tok==rtok))&&(dead||expired)))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][523] = 1;
		if (!(((((((int)now.st)==3)&&(((int)now.owner)==((int)((P1 *)_this)->rown)))&&(((int)now.tok)==((int)((P1 *)_this)->rtok)))&&(((int)((P1 *)_this)->dead)||((int)now.expired)))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 546: // STATE 524 - jobq.pml:169 - [tok = (tok+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][524] = 1;
		(trpt+1)->bup.oval = ((int)now.tok);
		now.tok = (((int)now.tok)+1);
#ifdef VAR_RANGES
		logval("tok", ((int)now.tok));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 547: // STATE 525 - jobq.pml:170 - [assert((tok<250))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][525] = 1;
		spin_assert((((int)now.tok)<250), "(tok<250)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 548: // STATE 527 - jobq.pml:215 - [expired = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][527] = 1;
		(trpt+1)->bup.oval = ((int)now.expired);
		now.expired = 0;
#ifdef VAR_RANGES
		logval("expired", ((int)now.expired));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 549: // STATE 528 - jobq.pml:216 - [eccr[e] = creq] (0:0:1 - 1)
		IfNotBlocked
		reached[1][528] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = ((int)now.creq);
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 550: // STATE 529 - jobq.pml:218 - [(creq)] (0:0:0 - 1)
		IfNotBlocked
		reached[1][529] = 1;
		if (!(((int)now.creq)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 551: // STATE 530 - jobq.pml:218 - [st = 6] (0:0:1 - 1)
		IfNotBlocked
		reached[1][530] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 6;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 552: // STATE 531 - jobq.pml:163 - [terms = (terms+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][531] = 1;
		(trpt+1)->bup.oval = ((int)now.terms);
		now.terms = (((int)now.terms)+1);
#ifdef VAR_RANGES
		logval("terms", ((int)now.terms));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 553: // STATE 532 - jobq.pml:164 - [assert((terms<=runs))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][532] = 1;
		spin_assert((((int)now.terms)<=((int)now.runs)), "(terms<=runs)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 554: // STATE 534 - jobq.pml:218 - [r = 2] (0:0:1 - 1)
		IfNotBlocked
		reached[1][534] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 2;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 555: // STATE 535 - jobq.pml:219 - [((!(creq)&&(att>=2)))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][535] = 1;
		if (!(( !(((int)now.creq))&&(((int)now.att)>=2))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 556: // STATE 536 - jobq.pml:219 - [st = 5] (0:0:1 - 1)
		IfNotBlocked
		reached[1][536] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 5;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 557: // STATE 537 - jobq.pml:163 - [terms = (terms+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][537] = 1;
		(trpt+1)->bup.oval = ((int)now.terms);
		now.terms = (((int)now.terms)+1);
#ifdef VAR_RANGES
		logval("terms", ((int)now.terms));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 558: // STATE 538 - jobq.pml:164 - [assert((terms<=runs))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][538] = 1;
		spin_assert((((int)now.terms)<=((int)now.runs)), "(terms<=runs)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 559: // STATE 540 - jobq.pml:219 - [r = 2] (0:0:1 - 1)
		IfNotBlocked
		reached[1][540] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 2;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 560: // STATE 542 - jobq.pml:221 - [owner = (w+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][542] = 1;
		(trpt+1)->bup.oval = ((int)now.owner);
		now.owner = (((int)((P1 *)_this)->w)+1);
#ifdef VAR_RANGES
		logval("owner", ((int)now.owner));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 561: // STATE 543 - jobq.pml:221 - [att = (att+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][543] = 1;
		(trpt+1)->bup.oval = ((int)now.att);
		now.att = (((int)now.att)+1);
#ifdef VAR_RANGES
		logval("att", ((int)now.att));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 562: // STATE 544 - jobq.pml:221 - [cid = ecid[e]] (0:0:1 - 1)
		IfNotBlocked
		reached[1][544] = 1;
		(trpt+1)->bup.oval = ((int)now.cid);
		now.cid = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
#ifdef VAR_RANGES
		logval("cid", ((int)now.cid));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 563: // STATE 545 - jobq.pml:221 - [etok[e] = tok] (0:0:1 - 1)
		IfNotBlocked
		reached[1][545] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = ((int)now.tok);
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 564: // STATE 546 - jobq.pml:221 - [eatt[e] = att] (0:0:1 - 1)
		IfNotBlocked
		reached[1][546] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = ((int)now.att);
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 565: // STATE 547 - jobq.pml:222 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][547] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 566: // STATE 548 - jobq.pml:192 - [assert((etok[e]>maxftok))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][548] = 1;
		spin_assert((((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])>((int)now.maxftok)), "(etok[e]>maxftok)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 567: // STATE 549 - jobq.pml:193 - [maxftok = etok[e]] (0:0:1 - 1)
		IfNotBlocked
		reached[1][549] = 1;
		(trpt+1)->bup.oval = ((int)now.maxftok);
		now.maxftok = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
#ifdef VAR_RANGES
		logval("maxftok", ((int)now.maxftok));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 568: // STATE 551 - jobq.pml:222 - [r = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][551] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 1;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 569: // STATE 555 - jobq.pml:224 - [r = 2] (0:0:1 - 1)
		IfNotBlocked
		reached[1][555] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 2;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 570: // STATE 559 - jobq.pml:492 - [((faults<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][559] = 1;
		if (!((((int)now.faults)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 571: // STATE 560 - jobq.pml:492 - [faults = (faults+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][560] = 1;
		(trpt+1)->bup.oval = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 572: // STATE 561 - jobq.pml:213 - [(((((st==3)&&(owner==rown))&&(tok==rtok))&&(dead||expired)))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][561] = 1;
		if (!(((((((int)now.st)==3)&&(((int)now.owner)==((int)((P1 *)_this)->rown)))&&(((int)now.tok)==((int)((P1 *)_this)->rtok)))&&(((int)((P1 *)_this)->dead)||((int)now.expired)))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 573: // STATE 562 - jobq.pml:169 - [tok = (tok+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][562] = 1;
		(trpt+1)->bup.oval = ((int)now.tok);
		now.tok = (((int)now.tok)+1);
#ifdef VAR_RANGES
		logval("tok", ((int)now.tok));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 574: // STATE 563 - jobq.pml:170 - [assert((tok<250))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][563] = 1;
		spin_assert((((int)now.tok)<250), "(tok<250)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 575: // STATE 565 - jobq.pml:215 - [expired = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][565] = 1;
		(trpt+1)->bup.oval = ((int)now.expired);
		now.expired = 0;
#ifdef VAR_RANGES
		logval("expired", ((int)now.expired));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 576: // STATE 566 - jobq.pml:216 - [eccr[e] = creq] (0:0:1 - 1)
		IfNotBlocked
		reached[1][566] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = ((int)now.creq);
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 577: // STATE 567 - jobq.pml:218 - [(creq)] (0:0:0 - 1)
		IfNotBlocked
		reached[1][567] = 1;
		if (!(((int)now.creq)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 578: // STATE 568 - jobq.pml:218 - [st = 6] (0:0:1 - 1)
		IfNotBlocked
		reached[1][568] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 6;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 579: // STATE 569 - jobq.pml:163 - [terms = (terms+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][569] = 1;
		(trpt+1)->bup.oval = ((int)now.terms);
		now.terms = (((int)now.terms)+1);
#ifdef VAR_RANGES
		logval("terms", ((int)now.terms));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 580: // STATE 570 - jobq.pml:164 - [assert((terms<=runs))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][570] = 1;
		spin_assert((((int)now.terms)<=((int)now.runs)), "(terms<=runs)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 581: // STATE 572 - jobq.pml:218 - [r = 2] (0:0:2 - 1)
		IfNotBlocked
		reached[1][572] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 2;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		if (TstOnly) return 1; /* TT */
		/* dead 2: r */  
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 582: // STATE 573 - jobq.pml:219 - [((!(creq)&&(att>=2)))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][573] = 1;
		if (!(( !(((int)now.creq))&&(((int)now.att)>=2))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 583: // STATE 574 - jobq.pml:219 - [st = 5] (0:0:1 - 1)
		IfNotBlocked
		reached[1][574] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 5;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 584: // STATE 575 - jobq.pml:163 - [terms = (terms+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][575] = 1;
		(trpt+1)->bup.oval = ((int)now.terms);
		now.terms = (((int)now.terms)+1);
#ifdef VAR_RANGES
		logval("terms", ((int)now.terms));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 585: // STATE 576 - jobq.pml:164 - [assert((terms<=runs))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][576] = 1;
		spin_assert((((int)now.terms)<=((int)now.runs)), "(terms<=runs)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 586: // STATE 578 - jobq.pml:219 - [r = 2] (0:0:2 - 1)
		IfNotBlocked
		reached[1][578] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 2;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		if (TstOnly) return 1; /* TT */
		/* dead 2: r */  
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 587: // STATE 580 - jobq.pml:221 - [owner = (w+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][580] = 1;
		(trpt+1)->bup.oval = ((int)now.owner);
		now.owner = (((int)((P1 *)_this)->w)+1);
#ifdef VAR_RANGES
		logval("owner", ((int)now.owner));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 588: // STATE 581 - jobq.pml:221 - [att = (att+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][581] = 1;
		(trpt+1)->bup.oval = ((int)now.att);
		now.att = (((int)now.att)+1);
#ifdef VAR_RANGES
		logval("att", ((int)now.att));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 589: // STATE 582 - jobq.pml:221 - [cid = ecid[e]] (0:0:1 - 1)
		IfNotBlocked
		reached[1][582] = 1;
		(trpt+1)->bup.oval = ((int)now.cid);
		now.cid = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
#ifdef VAR_RANGES
		logval("cid", ((int)now.cid));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 590: // STATE 583 - jobq.pml:221 - [etok[e] = tok] (0:0:1 - 1)
		IfNotBlocked
		reached[1][583] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = ((int)now.tok);
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 591: // STATE 584 - jobq.pml:221 - [eatt[e] = att] (0:0:1 - 1)
		IfNotBlocked
		reached[1][584] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = ((int)now.att);
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 592: // STATE 585 - jobq.pml:222 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][585] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 593: // STATE 586 - jobq.pml:192 - [assert((etok[e]>maxftok))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][586] = 1;
		spin_assert((((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])>((int)now.maxftok)), "(etok[e]>maxftok)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 594: // STATE 587 - jobq.pml:193 - [maxftok = etok[e]] (0:0:1 - 1)
		IfNotBlocked
		reached[1][587] = 1;
		(trpt+1)->bup.oval = ((int)now.maxftok);
		now.maxftok = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
#ifdef VAR_RANGES
		logval("maxftok", ((int)now.maxftok));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 595: // STATE 589 - jobq.pml:222 - [r = 1] (0:0:2 - 1)
		IfNotBlocked
		reached[1][589] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 1;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		if (TstOnly) return 1; /* TT */
		/* dead 2: r */  
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 596: // STATE 593 - jobq.pml:224 - [r = 2] (0:0:2 - 1)
		IfNotBlocked
		reached[1][593] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 2;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		if (TstOnly) return 1; /* TT */
		/* dead 2: r */  
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 597: // STATE 597 - jobq.pml:492 - [r = 3] (0:0:1 - 6)
		IfNotBlocked
		reached[1][597] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 3;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 598: // STATE 598 - jobq.pml:492 - [((faults<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][598] = 1;
		if (!((((int)now.faults)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 599: // STATE 599 - jobq.pml:492 - [faults = (faults+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][599] = 1;
		(trpt+1)->bup.oval = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 600: // STATE 600 - jobq.pml:492 - [r = 3] (0:0:1 - 1)
		IfNotBlocked
		reached[1][600] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 3;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 601: // STATE 604 - jobq.pml:494 - [((r==1))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][604] = 1;
		if (!((((int)((P1 *)_this)->r)==1)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: r */  (trpt+1)->bup.oval = ((P1 *)_this)->r;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 602: // STATE 606 - jobq.pml:495 - [((r==3))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][606] = 1;
		if (!((((int)((P1 *)_this)->r)==3)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: r */  (trpt+1)->bup.oval = ((P1 *)_this)->r;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 603: // STATE 608 - jobq.pml:358 - [assert((1||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][608] = 1;
		spin_assert((1||(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ])|| !((((((int)now.st)==3)&&(((int)now.tok)==((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])))&&(((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])!=0))))), "(1||(elost[e]|| !((((st==3)&&(tok==etok[e]))&&(etok[e]!=0)))))", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 604: // STATE 609 - jobq.pml:360 - [(((edl[e]&&(edg[e]==bgen[w]))&&1))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][609] = 1;
		if (!(((((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ])&&(((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ])==((int)now.bgen[ Index(((int)((P1 *)_this)->w), 2) ])))&&1)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 605: // STATE 610 - jobq.pml:360 - [ready = ( ((ready<2)) -> ((ready+1)) : (ready) )] (0:0:1 - 1)
		IfNotBlocked
		reached[1][610] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 606: // STATE 615 - jobq.pml:363 - [edl[e] = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[1][615] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.edl[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("edl[executor:e]", ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 607: // STATE 616 - jobq.pml:250 - [eact[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][616] = 1;
		(trpt+1)->bup.oval = ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eact[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eact[executor:e]", ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 608: // STATE 617 - jobq.pml:250 - [estart[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][617] = 1;
		(trpt+1)->bup.oval = ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.estart[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("estart[executor:e]", ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 609: // STATE 618 - jobq.pml:250 - [etok[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][618] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 610: // STATE 619 - jobq.pml:250 - [eatt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][619] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 611: // STATE 620 - jobq.pml:250 - [ecid[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][620] = 1;
		(trpt+1)->bup.oval = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecid[executor:e]", ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 612: // STATE 621 - jobq.pml:250 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][621] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 613: // STATE 622 - jobq.pml:251 - [elost[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][622] = 1;
		(trpt+1)->bup.oval = ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.elost[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("elost[executor:e]", ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 614: // STATE 623 - jobq.pml:251 - [ecan[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][623] = 1;
		(trpt+1)->bup.oval = ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecan[executor:e]", ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 615: // STATE 624 - jobq.pml:251 - [hlive[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][624] = 1;
		(trpt+1)->bup.oval = ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hlive[executor:e]", ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 616: // STATE 625 - jobq.pml:251 - [eccr[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][625] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 617: // STATE 626 - jobq.pml:251 - [hbs[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][626] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbs[executor:e]", ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 618: // STATE 627 - jobq.pml:252 - [hbt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][627] = 1;
		(trpt+1)->bup.oval = ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbt[executor:e]", ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 619: // STATE 634 - jobq.pml:499 - [((r==2))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][634] = 1;
		if (!((((int)((P1 *)_this)->r)==2)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: r */  (trpt+1)->bup.oval = ((P1 *)_this)->r;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 620: // STATE 642 - jobq.pml:379 - [estart[e] = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][642] = 1;
		(trpt+1)->bup.oval = ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.estart[ Index(((P1 *)_this)->e, 3) ] = 1;
#ifdef VAR_RANGES
		logval("estart[executor:e]", ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 621: // STATE 643 - jobq.pml:381 - [((eph[e]>=1))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][643] = 1;
		if (!((((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ])>=1)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 622: // STATE 644 - jobq.pml:381 - [elost[e] = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][644] = 1;
		(trpt+1)->bup.oval = ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.elost[ Index(((P1 *)_this)->e, 3) ] = 1;
#ifdef VAR_RANGES
		logval("elost[executor:e]", ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 623: // STATE 649 - jobq.pml:384 - [assert(!(eccr[e]))] (0:0:0 - 3)
		IfNotBlocked
		reached[1][649] = 1;
		spin_assert( !(((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ])), " !(eccr[e])", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 624: // STATE 650 - jobq.pml:385 - [hlive[e] = (!(elost[e])&&!(ecan[e]))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][650] = 1;
		(trpt+1)->bup.oval = ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = ( !(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]))&& !(((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ])));
#ifdef VAR_RANGES
		logval("hlive[executor:e]", ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 625: // STATE 653 - jobq.pml:508 - [((alive[w]&&!(paused[w])))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][653] = 1;
		if (!((((int)now.alive[ Index(((int)((P1 *)_this)->w), 2) ])&& !(((int)now.paused[ Index(((int)((P1 *)_this)->w), 2) ])))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 626: // STATE 654 - jobq.pml:509 - [hlive[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][654] = 1;
		(trpt+1)->bup.oval = ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hlive[executor:e]", ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 627: // STATE 655 - jobq.pml:511 - [(elost[e])] (0:0:0 - 1)
		IfNotBlocked
		reached[1][655] = 1;
		if (!(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ])))
			continue;
		_m = 3; goto P999; /* 0 */
	case 628: // STATE 656 - jobq.pml:511 - [o = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][656] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->o);
		((P1 *)_this)->o = 0;
#ifdef VAR_RANGES
		logval("executor:o", ((int)((P1 *)_this)->o));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 629: // STATE 657 - jobq.pml:512 - [((!(elost[e])&&ecan[e]))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][657] = 1;
		if (!(( !(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]))&&((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 630: // STATE 658 - jobq.pml:512 - [o = 4] (0:0:1 - 1)
		IfNotBlocked
		reached[1][658] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->o);
		((P1 *)_this)->o = 4;
#ifdef VAR_RANGES
		logval("executor:o", ((int)((P1 *)_this)->o));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 631: // STATE 659 - jobq.pml:513 - [(!(elost[e]))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][659] = 1;
		if (!( !(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 632: // STATE 660 - jobq.pml:513 - [o = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][660] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->o);
		((P1 *)_this)->o = 1;
#ifdef VAR_RANGES
		logval("executor:o", ((int)((P1 *)_this)->o));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 633: // STATE 661 - jobq.pml:514 - [((!(elost[e])&&!(ecan[e])))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][661] = 1;
		if (!(( !(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]))&& !(((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ])))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 634: // STATE 662 - jobq.pml:514 - [o = ( ((eatt[e]>=2)) -> (2) : (3) )] (0:0:1 - 1)
		IfNotBlocked
		reached[1][662] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->o);
		((P1 *)_this)->o = ( ((((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ])>=2)) ? (2) : (3) );
#ifdef VAR_RANGES
		logval("executor:o", ((int)((P1 *)_this)->o));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 635: // STATE 663 - jobq.pml:515 - [(((!(elost[e])&&!(ecan[e]))&&!(released)))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][663] = 1;
		if (!((( !(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]))&& !(((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ])))&& !(((int)now.released)))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 636: // STATE 664 - jobq.pml:515 - [o = 5] (0:0:1 - 1)
		IfNotBlocked
		reached[1][664] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->o);
		((P1 *)_this)->o = 5;
#ifdef VAR_RANGES
		logval("executor:o", ((int)((P1 *)_this)->o));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 637: // STATE 665 - jobq.pml:515 - [released = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][665] = 1;
		(trpt+1)->bup.oval = ((int)now.released);
		now.released = 1;
#ifdef VAR_RANGES
		logval("released", ((int)now.released));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 638: // STATE 669 - jobq.pml:519 - [((o==0))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][669] = 1;
		if (!((((int)((P1 *)_this)->o)==0)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: o */  (trpt+1)->bup.oval = ((P1 *)_this)->o;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->o = 0;
		_m = 3; goto P999; /* 0 */
	case 639: // STATE 670 - jobq.pml:358 - [assert((0||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][670] = 1;
		spin_assert((0||(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ])|| !((((((int)now.st)==3)&&(((int)now.tok)==((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])))&&(((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])!=0))))), "(0||(elost[e]|| !((((st==3)&&(tok==etok[e]))&&(etok[e]!=0)))))", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 640: // STATE 671 - jobq.pml:360 - [(((edl[e]&&(edg[e]==bgen[w]))&&0))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][671] = 1;
		if (!(((((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ])&&(((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ])==((int)now.bgen[ Index(((int)((P1 *)_this)->w), 2) ])))&&0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 641: // STATE 672 - jobq.pml:360 - [ready = ( ((ready<2)) -> ((ready+1)) : (ready) )] (0:0:1 - 1)
		IfNotBlocked
		reached[1][672] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 642: // STATE 677 - jobq.pml:363 - [edl[e] = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[1][677] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.edl[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("edl[executor:e]", ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 643: // STATE 678 - jobq.pml:250 - [eact[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][678] = 1;
		(trpt+1)->bup.oval = ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eact[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eact[executor:e]", ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 644: // STATE 679 - jobq.pml:250 - [estart[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][679] = 1;
		(trpt+1)->bup.oval = ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.estart[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("estart[executor:e]", ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 645: // STATE 680 - jobq.pml:250 - [etok[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][680] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 646: // STATE 681 - jobq.pml:250 - [eatt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][681] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 647: // STATE 682 - jobq.pml:250 - [ecid[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][682] = 1;
		(trpt+1)->bup.oval = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecid[executor:e]", ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 648: // STATE 683 - jobq.pml:250 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][683] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 649: // STATE 684 - jobq.pml:251 - [elost[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][684] = 1;
		(trpt+1)->bup.oval = ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.elost[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("elost[executor:e]", ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 650: // STATE 685 - jobq.pml:251 - [ecan[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][685] = 1;
		(trpt+1)->bup.oval = ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecan[executor:e]", ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 651: // STATE 686 - jobq.pml:251 - [hlive[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][686] = 1;
		(trpt+1)->bup.oval = ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hlive[executor:e]", ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 652: // STATE 687 - jobq.pml:251 - [eccr[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][687] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 653: // STATE 688 - jobq.pml:251 - [hbs[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][688] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbs[executor:e]", ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 654: // STATE 689 - jobq.pml:252 - [hbt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][689] = 1;
		(trpt+1)->bup.oval = ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbt[executor:e]", ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 655: // STATE 698 - jobq.pml:523 - [((alive[w]&&!(paused[w])))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][698] = 1;
		if (!((((int)now.alive[ Index(((int)((P1 *)_this)->w), 2) ])&& !(((int)now.paused[ Index(((int)((P1 *)_this)->w), 2) ])))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 656: // STATE 699 - jobq.pml:232 - [((((st==3)&&(owner==(w+1)))&&(tok==etok[e])))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][699] = 1;
		if (!((((((int)now.st)==3)&&(((int)now.owner)==(((int)((P1 *)_this)->w)+1)))&&(((int)now.tok)==((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 657: // STATE 700 - jobq.pml:169 - [tok = (tok+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][700] = 1;
		(trpt+1)->bup.oval = ((int)now.tok);
		now.tok = (((int)now.tok)+1);
#ifdef VAR_RANGES
		logval("tok", ((int)now.tok));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 658: // STATE 701 - jobq.pml:170 - [assert((tok<250))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][701] = 1;
		spin_assert((((int)now.tok)<250), "(tok<250)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 659: // STATE 703 - jobq.pml:234 - [expired = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][703] = 1;
		(trpt+1)->bup.oval = ((int)now.expired);
		now.expired = 0;
#ifdef VAR_RANGES
		logval("expired", ((int)now.expired));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 660: // STATE 704 - jobq.pml:236 - [((o==1))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][704] = 1;
		if (!((((int)((P1 *)_this)->o)==1)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 661: // STATE 705 - jobq.pml:236 - [st = 4] (0:0:1 - 1)
		IfNotBlocked
		reached[1][705] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 4;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 662: // STATE 706 - jobq.pml:163 - [terms = (terms+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][706] = 1;
		(trpt+1)->bup.oval = ((int)now.terms);
		now.terms = (((int)now.terms)+1);
#ifdef VAR_RANGES
		logval("terms", ((int)now.terms));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 663: // STATE 707 - jobq.pml:164 - [assert((terms<=runs))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][707] = 1;
		spin_assert((((int)now.terms)<=((int)now.runs)), "(terms<=runs)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 664: // STATE 709 - jobq.pml:237 - [((o==2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][709] = 1;
		if (!((((int)((P1 *)_this)->o)==2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 665: // STATE 710 - jobq.pml:237 - [st = 5] (0:0:1 - 1)
		IfNotBlocked
		reached[1][710] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 5;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 666: // STATE 711 - jobq.pml:163 - [terms = (terms+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][711] = 1;
		(trpt+1)->bup.oval = ((int)now.terms);
		now.terms = (((int)now.terms)+1);
#ifdef VAR_RANGES
		logval("terms", ((int)now.terms));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 667: // STATE 712 - jobq.pml:164 - [assert((terms<=runs))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][712] = 1;
		spin_assert((((int)now.terms)<=((int)now.runs)), "(terms<=runs)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 668: // STATE 714 - jobq.pml:238 - [((o==4))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][714] = 1;
		if (!((((int)((P1 *)_this)->o)==4)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 669: // STATE 715 - jobq.pml:238 - [st = 6] (0:0:1 - 1)
		IfNotBlocked
		reached[1][715] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 6;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 670: // STATE 716 - jobq.pml:163 - [terms = (terms+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][716] = 1;
		(trpt+1)->bup.oval = ((int)now.terms);
		now.terms = (((int)now.terms)+1);
#ifdef VAR_RANGES
		logval("terms", ((int)now.terms));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 671: // STATE 717 - jobq.pml:164 - [assert((terms<=runs))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][717] = 1;
		spin_assert((((int)now.terms)<=((int)now.runs)), "(terms<=runs)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 672: // STATE 719 - jobq.pml:239 - [((o==3))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][719] = 1;
		if (!((((int)((P1 *)_this)->o)==3)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 673: // STATE 720 - jobq.pml:239 - [st = 2] (0:0:1 - 1)
		IfNotBlocked
		reached[1][720] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 2;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 674: // STATE 721 - jobq.pml:239 - [owner = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][721] = 1;
		(trpt+1)->bup.oval = ((int)now.owner);
		now.owner = 0;
#ifdef VAR_RANGES
		logval("owner", ((int)now.owner));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 675: // STATE 722 - jobq.pml:239 - [pub = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][722] = 1;
		(trpt+1)->bup.oval = ((int)now.pub);
		now.pub = 0;
#ifdef VAR_RANGES
		logval("pub", ((int)now.pub));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 676: // STATE 723 - jobq.pml:239 - [due = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][723] = 1;
		(trpt+1)->bup.oval = ((int)now.due);
		now.due = 0;
#ifdef VAR_RANGES
		logval("due", ((int)now.due));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 677: // STATE 724 - jobq.pml:239 - [grace = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][724] = 1;
		(trpt+1)->bup.oval = ((int)now.grace);
		now.grace = 0;
#ifdef VAR_RANGES
		logval("grace", ((int)now.grace));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 678: // STATE 725 - jobq.pml:240 - [((o==5))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][725] = 1;
		if (!((((int)((P1 *)_this)->o)==5)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 679: // STATE 726 - jobq.pml:240 - [st = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][726] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 1;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 680: // STATE 727 - jobq.pml:240 - [owner = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][727] = 1;
		(trpt+1)->bup.oval = ((int)now.owner);
		now.owner = 0;
#ifdef VAR_RANGES
		logval("owner", ((int)now.owner));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 681: // STATE 728 - jobq.pml:240 - [att = (att-1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][728] = 1;
		(trpt+1)->bup.oval = ((int)now.att);
		now.att = (((int)now.att)-1);
#ifdef VAR_RANGES
		logval("att", ((int)now.att));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 682: // STATE 729 - jobq.pml:240 - [pub = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][729] = 1;
		(trpt+1)->bup.oval = ((int)now.pub);
		now.pub = 0;
#ifdef VAR_RANGES
		logval("pub", ((int)now.pub));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 683: // STATE 730 - jobq.pml:240 - [grace = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][730] = 1;
		(trpt+1)->bup.oval = ((int)now.grace);
		now.grace = 1;
#ifdef VAR_RANGES
		logval("grace", ((int)now.grace));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 684: // STATE 733 - jobq.pml:242 - [r = 1] (0:0:1 - 6)
		IfNotBlocked
		reached[1][733] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 1;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 685: // STATE 735 - jobq.pml:243 - [r = 2] (0:0:1 - 1)
		IfNotBlocked
		reached[1][735] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 2;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 686: // STATE 739 - jobq.pml:523 - [((faults<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][739] = 1;
		if (!((((int)now.faults)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 687: // STATE 740 - jobq.pml:523 - [faults = (faults+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][740] = 1;
		(trpt+1)->bup.oval = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 688: // STATE 741 - jobq.pml:232 - [((((st==3)&&(owner==(w+1)))&&(tok==etok[e])))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][741] = 1;
		if (!((((((int)now.st)==3)&&(((int)now.owner)==(((int)((P1 *)_this)->w)+1)))&&(((int)now.tok)==((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 689: // STATE 742 - jobq.pml:169 - [tok = (tok+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][742] = 1;
		(trpt+1)->bup.oval = ((int)now.tok);
		now.tok = (((int)now.tok)+1);
#ifdef VAR_RANGES
		logval("tok", ((int)now.tok));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 690: // STATE 743 - jobq.pml:170 - [assert((tok<250))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][743] = 1;
		spin_assert((((int)now.tok)<250), "(tok<250)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 691: // STATE 745 - jobq.pml:234 - [expired = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][745] = 1;
		(trpt+1)->bup.oval = ((int)now.expired);
		now.expired = 0;
#ifdef VAR_RANGES
		logval("expired", ((int)now.expired));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 692: // STATE 746 - jobq.pml:236 - [((o==1))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][746] = 1;
		if (!((((int)((P1 *)_this)->o)==1)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 693: // STATE 747 - jobq.pml:236 - [st = 4] (0:0:1 - 1)
		IfNotBlocked
		reached[1][747] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 4;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 694: // STATE 748 - jobq.pml:163 - [terms = (terms+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][748] = 1;
		(trpt+1)->bup.oval = ((int)now.terms);
		now.terms = (((int)now.terms)+1);
#ifdef VAR_RANGES
		logval("terms", ((int)now.terms));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 695: // STATE 749 - jobq.pml:164 - [assert((terms<=runs))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][749] = 1;
		spin_assert((((int)now.terms)<=((int)now.runs)), "(terms<=runs)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 696: // STATE 751 - jobq.pml:237 - [((o==2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][751] = 1;
		if (!((((int)((P1 *)_this)->o)==2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 697: // STATE 752 - jobq.pml:237 - [st = 5] (0:0:1 - 1)
		IfNotBlocked
		reached[1][752] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 5;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 698: // STATE 753 - jobq.pml:163 - [terms = (terms+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][753] = 1;
		(trpt+1)->bup.oval = ((int)now.terms);
		now.terms = (((int)now.terms)+1);
#ifdef VAR_RANGES
		logval("terms", ((int)now.terms));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 699: // STATE 754 - jobq.pml:164 - [assert((terms<=runs))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][754] = 1;
		spin_assert((((int)now.terms)<=((int)now.runs)), "(terms<=runs)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 700: // STATE 756 - jobq.pml:238 - [((o==4))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][756] = 1;
		if (!((((int)((P1 *)_this)->o)==4)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 701: // STATE 757 - jobq.pml:238 - [st = 6] (0:0:1 - 1)
		IfNotBlocked
		reached[1][757] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 6;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 702: // STATE 758 - jobq.pml:163 - [terms = (terms+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][758] = 1;
		(trpt+1)->bup.oval = ((int)now.terms);
		now.terms = (((int)now.terms)+1);
#ifdef VAR_RANGES
		logval("terms", ((int)now.terms));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 703: // STATE 759 - jobq.pml:164 - [assert((terms<=runs))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][759] = 1;
		spin_assert((((int)now.terms)<=((int)now.runs)), "(terms<=runs)", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 704: // STATE 761 - jobq.pml:239 - [((o==3))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][761] = 1;
		if (!((((int)((P1 *)_this)->o)==3)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 705: // STATE 762 - jobq.pml:239 - [st = 2] (0:0:1 - 1)
		IfNotBlocked
		reached[1][762] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 2;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 706: // STATE 763 - jobq.pml:239 - [owner = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][763] = 1;
		(trpt+1)->bup.oval = ((int)now.owner);
		now.owner = 0;
#ifdef VAR_RANGES
		logval("owner", ((int)now.owner));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 707: // STATE 764 - jobq.pml:239 - [pub = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][764] = 1;
		(trpt+1)->bup.oval = ((int)now.pub);
		now.pub = 0;
#ifdef VAR_RANGES
		logval("pub", ((int)now.pub));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 708: // STATE 765 - jobq.pml:239 - [due = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][765] = 1;
		(trpt+1)->bup.oval = ((int)now.due);
		now.due = 0;
#ifdef VAR_RANGES
		logval("due", ((int)now.due));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 709: // STATE 766 - jobq.pml:239 - [grace = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][766] = 1;
		(trpt+1)->bup.oval = ((int)now.grace);
		now.grace = 0;
#ifdef VAR_RANGES
		logval("grace", ((int)now.grace));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 710: // STATE 767 - jobq.pml:240 - [((o==5))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][767] = 1;
		if (!((((int)((P1 *)_this)->o)==5)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 711: // STATE 768 - jobq.pml:240 - [st = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][768] = 1;
		(trpt+1)->bup.oval = ((int)now.st);
		now.st = 1;
#ifdef VAR_RANGES
		logval("st", ((int)now.st));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 712: // STATE 769 - jobq.pml:240 - [owner = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][769] = 1;
		(trpt+1)->bup.oval = ((int)now.owner);
		now.owner = 0;
#ifdef VAR_RANGES
		logval("owner", ((int)now.owner));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 713: // STATE 770 - jobq.pml:240 - [att = (att-1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][770] = 1;
		(trpt+1)->bup.oval = ((int)now.att);
		now.att = (((int)now.att)-1);
#ifdef VAR_RANGES
		logval("att", ((int)now.att));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 714: // STATE 771 - jobq.pml:240 - [pub = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][771] = 1;
		(trpt+1)->bup.oval = ((int)now.pub);
		now.pub = 0;
#ifdef VAR_RANGES
		logval("pub", ((int)now.pub));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 715: // STATE 772 - jobq.pml:240 - [grace = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][772] = 1;
		(trpt+1)->bup.oval = ((int)now.grace);
		now.grace = 1;
#ifdef VAR_RANGES
		logval("grace", ((int)now.grace));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 716: // STATE 775 - jobq.pml:242 - [r = 1] (0:0:2 - 6)
		IfNotBlocked
		reached[1][775] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 1;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		if (TstOnly) return 1; /* TT */
		/* dead 2: r */  
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 717: // STATE 777 - jobq.pml:243 - [r = 2] (0:0:2 - 1)
		IfNotBlocked
		reached[1][777] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 2;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		if (TstOnly) return 1; /* TT */
		/* dead 2: r */  
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 718: // STATE 781 - jobq.pml:523 - [r = 3] (0:0:1 - 3)
		IfNotBlocked
		reached[1][781] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 3;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 719: // STATE 782 - jobq.pml:523 - [((faults<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][782] = 1;
		if (!((((int)now.faults)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 720: // STATE 783 - jobq.pml:523 - [faults = (faults+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[1][783] = 1;
		(trpt+1)->bup.oval = ((int)now.faults);
		now.faults = (((int)now.faults)+1);
#ifdef VAR_RANGES
		logval("faults", ((int)now.faults));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 721: // STATE 784 - jobq.pml:523 - [r = 3] (0:0:1 - 1)
		IfNotBlocked
		reached[1][784] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 3;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 722: // STATE 788 - jobq.pml:525 - [((r==1))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][788] = 1;
		if (!((((int)((P1 *)_this)->r)==1)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: r */  (trpt+1)->bup.oval = ((P1 *)_this)->r;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 723: // STATE 789 - jobq.pml:358 - [assert(((o==5)||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][789] = 1;
		spin_assert(((((int)((P1 *)_this)->o)==5)||(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ])|| !((((((int)now.st)==3)&&(((int)now.tok)==((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])))&&(((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])!=0))))), "((o==5)||(elost[e]|| !((((st==3)&&(tok==etok[e]))&&(etok[e]!=0)))))", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 724: // STATE 790 - jobq.pml:360 - [(((edl[e]&&(edg[e]==bgen[w]))&&(o==5)))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][790] = 1;
		if (!(((((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ])&&(((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ])==((int)now.bgen[ Index(((int)((P1 *)_this)->w), 2) ])))&&(((int)((P1 *)_this)->o)==5))))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: o */  (trpt+1)->bup.oval = ((P1 *)_this)->o;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->o = 0;
		_m = 3; goto P999; /* 0 */
	case 725: // STATE 791 - jobq.pml:360 - [ready = ( ((ready<2)) -> ((ready+1)) : (ready) )] (0:0:1 - 1)
		IfNotBlocked
		reached[1][791] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 726: // STATE 796 - jobq.pml:363 - [edl[e] = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[1][796] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.edl[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("edl[executor:e]", ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 727: // STATE 797 - jobq.pml:250 - [eact[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][797] = 1;
		(trpt+1)->bup.oval = ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eact[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eact[executor:e]", ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 728: // STATE 798 - jobq.pml:250 - [estart[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][798] = 1;
		(trpt+1)->bup.oval = ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.estart[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("estart[executor:e]", ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 729: // STATE 799 - jobq.pml:250 - [etok[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][799] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 730: // STATE 800 - jobq.pml:250 - [eatt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][800] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 731: // STATE 801 - jobq.pml:250 - [ecid[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][801] = 1;
		(trpt+1)->bup.oval = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecid[executor:e]", ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 732: // STATE 802 - jobq.pml:250 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][802] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 733: // STATE 803 - jobq.pml:251 - [elost[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][803] = 1;
		(trpt+1)->bup.oval = ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.elost[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("elost[executor:e]", ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 734: // STATE 804 - jobq.pml:251 - [ecan[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][804] = 1;
		(trpt+1)->bup.oval = ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecan[executor:e]", ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 735: // STATE 805 - jobq.pml:251 - [hlive[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][805] = 1;
		(trpt+1)->bup.oval = ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hlive[executor:e]", ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 736: // STATE 806 - jobq.pml:251 - [eccr[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][806] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 737: // STATE 807 - jobq.pml:251 - [hbs[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][807] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbs[executor:e]", ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 738: // STATE 808 - jobq.pml:252 - [hbt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][808] = 1;
		(trpt+1)->bup.oval = ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbt[executor:e]", ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 739: // STATE 812 - jobq.pml:526 - [((r==2))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][812] = 1;
		if (!((((int)((P1 *)_this)->r)==2)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: r */  (trpt+1)->bup.oval = ((P1 *)_this)->r;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 740: // STATE 813 - jobq.pml:358 - [assert((0||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][813] = 1;
		spin_assert((0||(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ])|| !((((((int)now.st)==3)&&(((int)now.tok)==((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])))&&(((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])!=0))))), "(0||(elost[e]|| !((((st==3)&&(tok==etok[e]))&&(etok[e]!=0)))))", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 741: // STATE 814 - jobq.pml:360 - [(((edl[e]&&(edg[e]==bgen[w]))&&0))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][814] = 1;
		if (!(((((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ])&&(((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ])==((int)now.bgen[ Index(((int)((P1 *)_this)->w), 2) ])))&&0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 742: // STATE 815 - jobq.pml:360 - [ready = ( ((ready<2)) -> ((ready+1)) : (ready) )] (0:0:1 - 1)
		IfNotBlocked
		reached[1][815] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 743: // STATE 820 - jobq.pml:363 - [edl[e] = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[1][820] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.edl[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("edl[executor:e]", ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 744: // STATE 821 - jobq.pml:250 - [eact[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][821] = 1;
		(trpt+1)->bup.oval = ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eact[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eact[executor:e]", ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 745: // STATE 822 - jobq.pml:250 - [estart[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][822] = 1;
		(trpt+1)->bup.oval = ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.estart[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("estart[executor:e]", ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 746: // STATE 823 - jobq.pml:250 - [etok[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][823] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 747: // STATE 824 - jobq.pml:250 - [eatt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][824] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 748: // STATE 825 - jobq.pml:250 - [ecid[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][825] = 1;
		(trpt+1)->bup.oval = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecid[executor:e]", ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 749: // STATE 826 - jobq.pml:250 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][826] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 750: // STATE 827 - jobq.pml:251 - [elost[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][827] = 1;
		(trpt+1)->bup.oval = ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.elost[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("elost[executor:e]", ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 751: // STATE 828 - jobq.pml:251 - [ecan[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][828] = 1;
		(trpt+1)->bup.oval = ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecan[executor:e]", ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 752: // STATE 829 - jobq.pml:251 - [hlive[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][829] = 1;
		(trpt+1)->bup.oval = ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hlive[executor:e]", ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 753: // STATE 830 - jobq.pml:251 - [eccr[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][830] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 754: // STATE 831 - jobq.pml:251 - [hbs[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][831] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbs[executor:e]", ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 755: // STATE 832 - jobq.pml:252 - [hbt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][832] = 1;
		(trpt+1)->bup.oval = ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbt[executor:e]", ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 756: // STATE 836 - jobq.pml:527 - [((r==3))] (0:0:1 - 1)
		IfNotBlocked
		reached[1][836] = 1;
		if (!((((int)((P1 *)_this)->r)==3)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: r */  (trpt+1)->bup.oval = ((P1 *)_this)->r;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P1 *)_this)->r = 0;
		_m = 3; goto P999; /* 0 */
	case 757: // STATE 839 - jobq.pml:358 - [assert((!(elost[e])||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][839] = 1;
		spin_assert(( !(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]))||(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ])|| !((((((int)now.st)==3)&&(((int)now.tok)==((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])))&&(((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ])!=0))))), "( !(elost[e])||(elost[e]|| !((((st==3)&&(tok==etok[e]))&&(etok[e]!=0)))))", II, tt, t);
		_m = 3; goto P999; /* 0 */
	case 758: // STATE 840 - jobq.pml:360 - [(((edl[e]&&(edg[e]==bgen[w]))&&!(elost[e])))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][840] = 1;
		if (!(((((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ])&&(((int)now.edg[ Index(((int)((P1 *)_this)->e), 3) ])==((int)now.bgen[ Index(((int)((P1 *)_this)->w), 2) ])))&& !(((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ])))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 759: // STATE 841 - jobq.pml:360 - [ready = ( ((ready<2)) -> ((ready+1)) : (ready) )] (0:0:1 - 1)
		IfNotBlocked
		reached[1][841] = 1;
		(trpt+1)->bup.oval = ((int)now.ready);
		now.ready = ( ((((int)now.ready)<2)) ? ((((int)now.ready)+1)) : (((int)now.ready)) );
#ifdef VAR_RANGES
		logval("ready", ((int)now.ready));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 760: // STATE 846 - jobq.pml:363 - [edl[e] = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[1][846] = 1;
		(trpt+1)->bup.oval = ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.edl[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("edl[executor:e]", ((int)now.edl[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 761: // STATE 847 - jobq.pml:250 - [eact[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][847] = 1;
		(trpt+1)->bup.oval = ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eact[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eact[executor:e]", ((int)now.eact[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 762: // STATE 848 - jobq.pml:250 - [estart[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][848] = 1;
		(trpt+1)->bup.oval = ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.estart[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("estart[executor:e]", ((int)now.estart[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 763: // STATE 849 - jobq.pml:250 - [etok[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][849] = 1;
		(trpt+1)->bup.oval = ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.etok[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("etok[executor:e]", ((int)now.etok[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 764: // STATE 850 - jobq.pml:250 - [eatt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][850] = 1;
		(trpt+1)->bup.oval = ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eatt[executor:e]", ((int)now.eatt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 765: // STATE 851 - jobq.pml:250 - [ecid[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][851] = 1;
		(trpt+1)->bup.oval = ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecid[executor:e]", ((int)now.ecid[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 766: // STATE 852 - jobq.pml:250 - [eph[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][852] = 1;
		(trpt+1)->bup.oval = ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eph[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eph[executor:e]", ((int)now.eph[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 767: // STATE 853 - jobq.pml:251 - [elost[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][853] = 1;
		(trpt+1)->bup.oval = ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.elost[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("elost[executor:e]", ((int)now.elost[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 768: // STATE 854 - jobq.pml:251 - [ecan[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][854] = 1;
		(trpt+1)->bup.oval = ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ecan[executor:e]", ((int)now.ecan[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 769: // STATE 855 - jobq.pml:251 - [hlive[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][855] = 1;
		(trpt+1)->bup.oval = ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hlive[executor:e]", ((int)now.hlive[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 770: // STATE 856 - jobq.pml:251 - [eccr[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][856] = 1;
		(trpt+1)->bup.oval = ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("eccr[executor:e]", ((int)now.eccr[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 771: // STATE 857 - jobq.pml:251 - [hbs[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][857] = 1;
		(trpt+1)->bup.oval = ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbs[executor:e]", ((int)now.hbs[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 772: // STATE 858 - jobq.pml:252 - [hbt[e] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][858] = 1;
		(trpt+1)->bup.oval = ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("hbt[executor:e]", ((int)now.hbt[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 773: // STATE 866 - jobq.pml:538 - [o = 0] (0:0:1 - 29)
		IfNotBlocked
		reached[1][866] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->o);
		((P1 *)_this)->o = 0;
#ifdef VAR_RANGES
		logval("executor:o", ((int)((P1 *)_this)->o));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 774: // STATE 867 - jobq.pml:538 - [r = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][867] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 0;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 775: // STATE 868 - jobq.pml:538 - [rnd = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][868] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->rnd);
		((P1 *)_this)->rnd = 0;
#ifdef VAR_RANGES
		logval("executor:rnd", ((int)((P1 *)_this)->rnd));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 776: // STATE 869 - jobq.pml:538 - [rst = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][869] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->rst);
		((P1 *)_this)->rst = 0;
#ifdef VAR_RANGES
		logval("executor:rst", ((int)((P1 *)_this)->rst));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 777: // STATE 870 - jobq.pml:538 - [rown = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][870] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->rown);
		((P1 *)_this)->rown = 0;
#ifdef VAR_RANGES
		logval("executor:rown", ((int)((P1 *)_this)->rown));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 778: // STATE 871 - jobq.pml:538 - [rtok = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][871] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->rtok);
		((P1 *)_this)->rtok = 0;
#ifdef VAR_RANGES
		logval("executor:rtok", ((int)((P1 *)_this)->rtok));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 779: // STATE 872 - jobq.pml:538 - [rcid = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][872] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->rcid);
		((P1 *)_this)->rcid = 0;
#ifdef VAR_RANGES
		logval("executor:rcid", ((int)((P1 *)_this)->rcid));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 780: // STATE 873 - jobq.pml:538 - [rcreq = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][873] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->rcreq);
		((P1 *)_this)->rcreq = 0;
#ifdef VAR_RANGES
		logval("executor:rcreq", ((int)((P1 *)_this)->rcreq));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 781: // STATE 874 - jobq.pml:539 - [rdue = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][874] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->rdue);
		((P1 *)_this)->rdue = 0;
#ifdef VAR_RANGES
		logval("executor:rdue", ((int)((P1 *)_this)->rdue));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 782: // STATE 875 - jobq.pml:539 - [rexp = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][875] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->rexp);
		((P1 *)_this)->rexp = 0;
#ifdef VAR_RANGES
		logval("executor:rexp", ((int)((P1 *)_this)->rexp));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 783: // STATE 876 - jobq.pml:539 - [dead = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][876] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->dead);
		((P1 *)_this)->dead = 0;
#ifdef VAR_RANGES
		logval("executor:dead", ((int)((P1 *)_this)->dead));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 784: // STATE 877 - jobq.pml:539 - [found = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][877] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->found);
		((P1 *)_this)->found = 0;
#ifdef VAR_RANGES
		logval("executor:found", ((int)((P1 *)_this)->found));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 785: // STATE 882 - jobq.pml:542 - [ekill[e] = 0] (0:881:13 - 1)
		IfNotBlocked
		reached[1][882] = 1;
		(trpt+1)->bup.ovals = grab_ints(13);
		(trpt+1)->bup.ovals[0] = ((int)now.ekill[ Index(((int)((P1 *)_this)->e), 3) ]);
		now.ekill[ Index(((P1 *)_this)->e, 3) ] = 0;
#ifdef VAR_RANGES
		logval("ekill[executor:e]", ((int)now.ekill[ Index(((int)((P1 *)_this)->e), 3) ]));
#endif
		;
		/* merge: o = 0(881, 883, 881) */
		reached[1][883] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->o);
		((P1 *)_this)->o = 0;
#ifdef VAR_RANGES
		logval("executor:o", ((int)((P1 *)_this)->o));
#endif
		;
		/* merge: r = 0(881, 884, 881) */
		reached[1][884] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->r);
		((P1 *)_this)->r = 0;
#ifdef VAR_RANGES
		logval("executor:r", ((int)((P1 *)_this)->r));
#endif
		;
		/* merge: rnd = 0(881, 885, 881) */
		reached[1][885] = 1;
		(trpt+1)->bup.ovals[3] = ((int)((P1 *)_this)->rnd);
		((P1 *)_this)->rnd = 0;
#ifdef VAR_RANGES
		logval("executor:rnd", ((int)((P1 *)_this)->rnd));
#endif
		;
		/* merge: rst = 0(881, 886, 881) */
		reached[1][886] = 1;
		(trpt+1)->bup.ovals[4] = ((int)((P1 *)_this)->rst);
		((P1 *)_this)->rst = 0;
#ifdef VAR_RANGES
		logval("executor:rst", ((int)((P1 *)_this)->rst));
#endif
		;
		/* merge: rown = 0(881, 887, 881) */
		reached[1][887] = 1;
		(trpt+1)->bup.ovals[5] = ((int)((P1 *)_this)->rown);
		((P1 *)_this)->rown = 0;
#ifdef VAR_RANGES
		logval("executor:rown", ((int)((P1 *)_this)->rown));
#endif
		;
		/* merge: rtok = 0(881, 888, 881) */
		reached[1][888] = 1;
		(trpt+1)->bup.ovals[6] = ((int)((P1 *)_this)->rtok);
		((P1 *)_this)->rtok = 0;
#ifdef VAR_RANGES
		logval("executor:rtok", ((int)((P1 *)_this)->rtok));
#endif
		;
		/* merge: rcid = 0(881, 889, 881) */
		reached[1][889] = 1;
		(trpt+1)->bup.ovals[7] = ((int)((P1 *)_this)->rcid);
		((P1 *)_this)->rcid = 0;
#ifdef VAR_RANGES
		logval("executor:rcid", ((int)((P1 *)_this)->rcid));
#endif
		;
		/* merge: rcreq = 0(881, 890, 881) */
		reached[1][890] = 1;
		(trpt+1)->bup.ovals[8] = ((int)((P1 *)_this)->rcreq);
		((P1 *)_this)->rcreq = 0;
#ifdef VAR_RANGES
		logval("executor:rcreq", ((int)((P1 *)_this)->rcreq));
#endif
		;
		/* merge: rdue = 0(881, 891, 881) */
		reached[1][891] = 1;
		(trpt+1)->bup.ovals[9] = ((int)((P1 *)_this)->rdue);
		((P1 *)_this)->rdue = 0;
#ifdef VAR_RANGES
		logval("executor:rdue", ((int)((P1 *)_this)->rdue));
#endif
		;
		/* merge: rexp = 0(881, 892, 881) */
		reached[1][892] = 1;
		(trpt+1)->bup.ovals[10] = ((int)((P1 *)_this)->rexp);
		((P1 *)_this)->rexp = 0;
#ifdef VAR_RANGES
		logval("executor:rexp", ((int)((P1 *)_this)->rexp));
#endif
		;
		/* merge: dead = 0(881, 893, 881) */
		reached[1][893] = 1;
		(trpt+1)->bup.ovals[11] = ((int)((P1 *)_this)->dead);
		((P1 *)_this)->dead = 0;
#ifdef VAR_RANGES
		logval("executor:dead", ((int)((P1 *)_this)->dead));
#endif
		;
		/* merge: found = 0(881, 894, 881) */
		reached[1][894] = 1;
		(trpt+1)->bup.ovals[12] = ((int)((P1 *)_this)->found);
		((P1 *)_this)->found = 0;
#ifdef VAR_RANGES
		logval("executor:found", ((int)((P1 *)_this)->found));
#endif
		;
		/* merge: goto again(0, 896, 881) */
		reached[1][896] = 1;
		;
		_m = 3; goto P999; /* 13 */

		 /* PROC monitor */
	case 786: // STATE 1 - jobq.pml:154 - [(!(!((((((((eact[0]&&estart[0])&&!(elost[0]))&&alive[( ((0<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((0<2)) -> (0) : (1) )+1)))&&(tok==etok[0])))&&((((eact[1]&&estart[1])&&!(elost[1]))&&alive[( ((1<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((1<2)) -> (0) : (1) )+1)))&&(tok==etok[1]))))||(((((eact[0]&&estart[0])&&!(elost[0]))&&alive[( ((0<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((0<2)) -> (0) : (1) )+1)))&&(tok==etok[0])))&&((((eact[2]&&estart[2])&&!(elost[2]))&&alive[( ((2<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((2<2)) -> (0) : (1) )+1)))&&(tok==etok[2])))))||(((((eact[1]&&estart[1])&&!(elost[1]))&&alive[( ((1<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((1<2)) -> (0) : (1) )+1)))&&(tok==etok[1])))&&((((eact[2]&&estart[2])&&!(elost[2]))&&alive[( ((2<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((2<2)) -> (0) : (1) )+1)))&&(tok==etok[2]))))))))] (4:0:0 - 1)
		IfNotBlocked
		reached[0][1] = 1;
		if (!( !( !((((((((((int)now.eact[0])&&((int)now.estart[0]))&& !(((int)now.elost[0])))&&((int)now.alive[ Index(( ((0<2)) ? (0) : (1) ), 2) ]))&&(((((int)now.st)==3)&&(((int)now.owner)==(( ((0<2)) ? (0) : (1) )+1)))&&(((int)now.tok)==((int)now.etok[0]))))&&((((((int)now.eact[1])&&((int)now.estart[1]))&& !(((int)now.elost[1])))&&((int)now.alive[ Index(( ((1<2)) ? (0) : (1) ), 2) ]))&&(((((int)now.st)==3)&&(((int)now.owner)==(( ((1<2)) ? (0) : (1) )+1)))&&(((int)now.tok)==((int)now.etok[1])))))||(((((((int)now.eact[0])&&((int)now.estart[0]))&& !(((int)now.elost[0])))&&((int)now.alive[ Index(( ((0<2)) ? (0) : (1) ), 2) ]))&&(((((int)now.st)==3)&&(((int)now.owner)==(( ((0<2)) ? (0) : (1) )+1)))&&(((int)now.tok)==((int)now.etok[0]))))&&((((((int)now.eact[2])&&((int)now.estart[2]))&& !(((int)now.elost[2])))&&((int)now.alive[ Index(( ((2<2)) ? (0) : (1) ), 2) ]))&&(((((int)now.st)==3)&&(((int)now.owner)==(( ((2<2)) ? (0) : (1) )+1)))&&(((int)now.tok)==((int)now.etok[2]))))))||(((((((int)now.eact[1])&&((int)now.estart[1]))&& !(((int)now.elost[1])))&&((int)now.alive[ Index(( ((1<2)) ? (0) : (1) ), 2) ]))&&(((((int)now.st)==3)&&(((int)now.owner)==(( ((1<2)) ? (0) : (1) )+1)))&&(((int)now.tok)==((int)now.etok[1]))))&&((((((int)now.eact[2])&&((int)now.estart[2]))&& !(((int)now.elost[2])))&&((int)now.alive[ Index(( ((2<2)) ? (0) : (1) ), 2) ]))&&(((((int)now.st)==3)&&(((int)now.owner)==(( ((2<2)) ? (0) : (1) )+1)))&&(((int)now.tok)==((int)now.etok[2]))))))))))
			continue;
		/* merge: assert(!((((((((eact[0]&&estart[0])&&!(elost[0]))&&alive[( ((0<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((0<2)) -> (0) : (1) )+1)))&&(tok==etok[0])))&&((((eact[1]&&estart[1])&&!(elost[1]))&&alive[( ((1<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((1<2)) -> (0) : (1) )+1)))&&(tok==etok[1]))))||(((((eact[0]&&estart[0])&&!(elost[0]))&&alive[( ((0<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((0<2)) -> (0) : (1) )+1)))&&(tok==etok[0])))&&((((eact[2]&&estart[2])&&!(elost[2]))&&alive[( ((2<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((2<2)) -> (0) : (1) )+1)))&&(tok==etok[2])))))||(((((eact[1]&&estart[1])&&!(elost[1]))&&alive[( ((1<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((1<2)) -> (0) : (1) )+1)))&&(tok==etok[1])))&&((((eact[2]&&estart[2])&&!(elost[2]))&&alive[( ((2<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((2<2)) -> (0) : (1) )+1)))&&(tok==etok[2])))))))(0, 2, 4) */
		reached[0][2] = 1;
		spin_assert( !((((((((((int)now.eact[0])&&((int)now.estart[0]))&& !(((int)now.elost[0])))&&((int)now.alive[ Index(( ((0<2)) ? (0) : (1) ), 2) ]))&&(((((int)now.st)==3)&&(((int)now.owner)==(( ((0<2)) ? (0) : (1) )+1)))&&(((int)now.tok)==((int)now.etok[0]))))&&((((((int)now.eact[1])&&((int)now.estart[1]))&& !(((int)now.elost[1])))&&((int)now.alive[ Index(( ((1<2)) ? (0) : (1) ), 2) ]))&&(((((int)now.st)==3)&&(((int)now.owner)==(( ((1<2)) ? (0) : (1) )+1)))&&(((int)now.tok)==((int)now.etok[1])))))||(((((((int)now.eact[0])&&((int)now.estart[0]))&& !(((int)now.elost[0])))&&((int)now.alive[ Index(( ((0<2)) ? (0) : (1) ), 2) ]))&&(((((int)now.st)==3)&&(((int)now.owner)==(( ((0<2)) ? (0) : (1) )+1)))&&(((int)now.tok)==((int)now.etok[0]))))&&((((((int)now.eact[2])&&((int)now.estart[2]))&& !(((int)now.elost[2])))&&((int)now.alive[ Index(( ((2<2)) ? (0) : (1) ), 2) ]))&&(((((int)now.st)==3)&&(((int)now.owner)==(( ((2<2)) ? (0) : (1) )+1)))&&(((int)now.tok)==((int)now.etok[2]))))))||(((((((int)now.eact[1])&&((int)now.estart[1]))&& !(((int)now.elost[1])))&&((int)now.alive[ Index(( ((1<2)) ? (0) : (1) ), 2) ]))&&(((((int)now.st)==3)&&(((int)now.owner)==(( ((1<2)) ? (0) : (1) )+1)))&&(((int)now.tok)==((int)now.etok[1]))))&&((((((int)now.eact[2])&&((int)now.estart[2]))&& !(((int)now.elost[2])))&&((int)now.alive[ Index(( ((2<2)) ? (0) : (1) ), 2) ]))&&(((((int)now.st)==3)&&(((int)now.owner)==(( ((2<2)) ? (0) : (1) )+1)))&&(((int)now.tok)==((int)now.etok[2]))))))), " !((((((((eact[0]&&estart[0])&& !(elost[0]))&&alive[( ((0<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((0<2)) ? (0) : (1) )+1)))&&(tok==etok[0])))&&((((eact[1]&&estart[1])&& !(elost[1]))&&alive[( ((1<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((1<2)) ? (0) : (1) )+1)))&&(tok==etok[1]))))||(((((eact[0]&&estart[0])&& !(elost[0]))&&alive[( ((0<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((0<2)) ? (0) : (1) )+1)))&&(tok==etok[0])))&&((((eact[2]&&estart[2])&& !(elost[2]))&&alive[( ((2<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((2<2)) ? (0) : (1) )+1)))&&(tok==etok[2])))))||(((((eact[1]&&estart[1])&& !(elost[1]))&&alive[( ((1<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((1<2)) ? (0) : (1) )+1)))&&(tok==etok[1])))&&((((eact[2]&&estart[2])&& !(elost[2]))&&alive[( ((2<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((2<2)) ? (0) : (1) )+1)))&&(tok==etok[2]))))))", II, tt, t);
		/* merge: .(goto)(0, 5, 4) */
		reached[0][5] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 787: // STATE 7 - jobq.pml:159 - [-end-] (0:0:0 - 1)
		IfNotBlocked
		reached[0][7] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */
	case  _T5:	/* np_ */
		if (!((!(trpt->o_pm&4) && !(trpt->tau&128))))
			continue;
		/* else fall through */
	case  _T2:	/* true */
		_m = 3; goto P999;
#undef rand
	}

