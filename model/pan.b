	switch (t->back) {
	default: Uerror("bad return move");
	case  0: goto R999; /* nothing to undo */

		 /* CLAIM cancel_honoured */
;
		;
		;
		;
		
	case 5: // STATE 13
		;
		p_restor(II);
		;
		;
		goto R999;

		 /* CLAIM done */
;
		;
		
	case 7: // STATE 13
		;
		p_restor(II);
		;
		;
		goto R999;

		 /* PROC :init: */

	case 8: // STATE 4
		;
		now.lock[1] = trpt->bup.ovals[3];
		now.lock[0] = trpt->bup.ovals[2];
		now.alive[1] = trpt->bup.ovals[1];
		now.alive[0] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 9: // STATE 5
		;
		;
		delproc(0, now._nr_pr-1);
		;
		goto R999;

	case 10: // STATE 6
		;
		;
		delproc(0, now._nr_pr-1);
		;
		goto R999;

	case 11: // STATE 7
		;
		;
		delproc(0, now._nr_pr-1);
		;
		goto R999;

	case 12: // STATE 8
		;
		;
		delproc(0, now._nr_pr-1);
		;
		goto R999;

	case 13: // STATE 9
		;
		;
		delproc(0, now._nr_pr-1);
		;
		goto R999;

	case 14: // STATE 10
		;
		;
		delproc(0, now._nr_pr-1);
		;
		goto R999;

	case 15: // STATE 11
		;
		;
		delproc(0, now._nr_pr-1);
		;
		goto R999;

	case 16: // STATE 12
		;
		;
		delproc(0, now._nr_pr-1);
		;
		goto R999;

	case 17: // STATE 13
		;
		;
		delproc(0, now._nr_pr-1);
		;
		goto R999;

	case 18: // STATE 14
		;
		;
		delproc(0, now._nr_pr-1);
		;
		goto R999;

	case 19: // STATE 15
		;
		;
		delproc(0, now._nr_pr-1);
		;
		goto R999;

	case 20: // STATE 16
		;
		;
		delproc(0, now._nr_pr-1);
		;
		goto R999;

	case 21: // STATE 17
		;
		;
		delproc(0, now._nr_pr-1);
		;
		goto R999;

	case 22: // STATE 18
		;
		;
		delproc(0, now._nr_pr-1);
		;
		goto R999;

	case 23: // STATE 19
		;
		;
		delproc(0, now._nr_pr-1);
		;
		goto R999;

	case 24: // STATE 21
		;
		p_restor(II);
		;
		;
		goto R999;

		 /* PROC restarter */

	case 25: // STATE 3
		;
		now.lock[ Index(((P12 *)_this)->w, 2) ] = trpt->bup.ovals[1];
		now.alive[ Index(((P12 *)_this)->w, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;
;
		;
		
	case 27: // STATE 11
		;
		now.grace = trpt->bup.ovals[4];
		now.pub = trpt->bup.ovals[3];
		now.owner = trpt->bup.ovals[2];
		now.expired = trpt->bup.ovals[1];
		now.tok = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 5);
		goto R999;

	case 28: // STATE 13
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 29: // STATE 14
		;
		now.terms = trpt->bup.oval;
		;
		goto R999;
;
		
	case 30: // STATE 25
		goto R999;

	case 31: // STATE 18
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 32: // STATE 19
		;
		now.terms = trpt->bup.oval;
		;
		goto R999;

	case 33: // STATE 23
		;
		now.st = trpt->bup.oval;
		;
		goto R999;
;
		
	case 34: // STATE 30
		goto R999;
;
		
	case 35: // STATE 28
		goto R999;

	case 36: // STATE 33
		;
		now.paused[ Index(((P12 *)_this)->w, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 37: // STATE 38
		;
		p_restor(II);
		;
		;
		goto R999;

		 /* PROC injector */

	case 38: // STATE 2
		;
		now.faults = trpt->bup.oval;
		;
		goto R999;

	case 39: // STATE 7
		;
		now.fanout[0] = trpt->bup.ovals[4];
		now.hb[0] = trpt->bup.ovals[3];
		now.lock[0] = trpt->bup.ovals[2];
		now.paused[0] = trpt->bup.ovals[1];
		now.alive[0] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 5);
		goto R999;
;
		;
		
	case 41: // STATE 15
		;
		now.edl[0] = trpt->bup.ovals[1];
		now.ready = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 42: // STATE 15
		;
		now.edl[0] = trpt->bup.oval;
		;
		goto R999;

	case 43: // STATE 15
		;
		now.edl[0] = trpt->bup.oval;
		;
		goto R999;

	case 44: // STATE 29
		;
		now.ekill[0] = trpt->bup.ovals[12];
		now.hbt[0] = trpt->bup.ovals[11];
		now.hbs[0] = trpt->bup.ovals[10];
		now.eccr[0] = trpt->bup.ovals[9];
		now.hlive[0] = trpt->bup.ovals[8];
		now.ecan[0] = trpt->bup.ovals[7];
		now.elost[0] = trpt->bup.ovals[6];
		now.eph[0] = trpt->bup.ovals[5];
		now.ecid[0] = trpt->bup.ovals[4];
		now.eatt[0] = trpt->bup.ovals[3];
		now.etok[0] = trpt->bup.ovals[2];
		now.estart[0] = trpt->bup.ovals[1];
		now.eact[0] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 13);
		goto R999;
;
		;
		
	case 46: // STATE 42
		;
		now.edl[1] = trpt->bup.ovals[1];
		now.ready = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 47: // STATE 42
		;
		now.edl[1] = trpt->bup.oval;
		;
		goto R999;

	case 48: // STATE 42
		;
		now.edl[1] = trpt->bup.oval;
		;
		goto R999;

	case 49: // STATE 56
		;
		now.ekill[1] = trpt->bup.ovals[12];
		now.hbt[1] = trpt->bup.ovals[11];
		now.hbs[1] = trpt->bup.ovals[10];
		now.eccr[1] = trpt->bup.ovals[9];
		now.hlive[1] = trpt->bup.ovals[8];
		now.ecan[1] = trpt->bup.ovals[7];
		now.elost[1] = trpt->bup.ovals[6];
		now.eph[1] = trpt->bup.ovals[5];
		now.ecid[1] = trpt->bup.ovals[4];
		now.eatt[1] = trpt->bup.ovals[3];
		now.etok[1] = trpt->bup.ovals[2];
		now.estart[1] = trpt->bup.ovals[1];
		now.eact[1] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 13);
		goto R999;
;
		;
		
	case 51: // STATE 69
		;
		now.edl[2] = trpt->bup.ovals[1];
		now.ready = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 52: // STATE 69
		;
		now.edl[2] = trpt->bup.oval;
		;
		goto R999;

	case 53: // STATE 69
		;
		now.edl[2] = trpt->bup.oval;
		;
		goto R999;

	case 54: // STATE 89
		;
		now.bgen[0] = trpt->bup.ovals[13];
		now.ekill[2] = trpt->bup.ovals[12];
		now.hbt[2] = trpt->bup.ovals[11];
		now.hbs[2] = trpt->bup.ovals[10];
		now.eccr[2] = trpt->bup.ovals[9];
		now.hlive[2] = trpt->bup.ovals[8];
		now.ecan[2] = trpt->bup.ovals[7];
		now.elost[2] = trpt->bup.ovals[6];
		now.eph[2] = trpt->bup.ovals[5];
		now.ecid[2] = trpt->bup.ovals[4];
		now.eatt[2] = trpt->bup.ovals[3];
		now.etok[2] = trpt->bup.ovals[2];
		now.estart[2] = trpt->bup.ovals[1];
		now.eact[2] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 14);
		goto R999;

	case 55: // STATE 89
		;
		now.bgen[0] = trpt->bup.oval;
		;
		goto R999;

	case 56: // STATE 89
		;
		now.bgen[0] = trpt->bup.oval;
		;
		goto R999;

	case 57: // STATE 93
		;
		now.faults = trpt->bup.oval;
		;
		goto R999;

	case 58: // STATE 98
		;
		now.fanout[1] = trpt->bup.ovals[4];
		now.hb[1] = trpt->bup.ovals[3];
		now.lock[1] = trpt->bup.ovals[2];
		now.paused[1] = trpt->bup.ovals[1];
		now.alive[1] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 5);
		goto R999;
;
		;
		
	case 60: // STATE 106
		;
		now.edl[0] = trpt->bup.ovals[1];
		now.ready = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 61: // STATE 106
		;
		now.edl[0] = trpt->bup.oval;
		;
		goto R999;

	case 62: // STATE 106
		;
		now.edl[0] = trpt->bup.oval;
		;
		goto R999;

	case 63: // STATE 120
		;
		now.ekill[0] = trpt->bup.ovals[12];
		now.hbt[0] = trpt->bup.ovals[11];
		now.hbs[0] = trpt->bup.ovals[10];
		now.eccr[0] = trpt->bup.ovals[9];
		now.hlive[0] = trpt->bup.ovals[8];
		now.ecan[0] = trpt->bup.ovals[7];
		now.elost[0] = trpt->bup.ovals[6];
		now.eph[0] = trpt->bup.ovals[5];
		now.ecid[0] = trpt->bup.ovals[4];
		now.eatt[0] = trpt->bup.ovals[3];
		now.etok[0] = trpt->bup.ovals[2];
		now.estart[0] = trpt->bup.ovals[1];
		now.eact[0] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 13);
		goto R999;
;
		;
		
	case 65: // STATE 133
		;
		now.edl[1] = trpt->bup.ovals[1];
		now.ready = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 66: // STATE 133
		;
		now.edl[1] = trpt->bup.oval;
		;
		goto R999;

	case 67: // STATE 133
		;
		now.edl[1] = trpt->bup.oval;
		;
		goto R999;

	case 68: // STATE 147
		;
		now.ekill[1] = trpt->bup.ovals[12];
		now.hbt[1] = trpt->bup.ovals[11];
		now.hbs[1] = trpt->bup.ovals[10];
		now.eccr[1] = trpt->bup.ovals[9];
		now.hlive[1] = trpt->bup.ovals[8];
		now.ecan[1] = trpt->bup.ovals[7];
		now.elost[1] = trpt->bup.ovals[6];
		now.eph[1] = trpt->bup.ovals[5];
		now.ecid[1] = trpt->bup.ovals[4];
		now.eatt[1] = trpt->bup.ovals[3];
		now.etok[1] = trpt->bup.ovals[2];
		now.estart[1] = trpt->bup.ovals[1];
		now.eact[1] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 13);
		goto R999;
;
		;
		
	case 70: // STATE 160
		;
		now.edl[2] = trpt->bup.ovals[1];
		now.ready = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 71: // STATE 160
		;
		now.edl[2] = trpt->bup.oval;
		;
		goto R999;

	case 72: // STATE 160
		;
		now.edl[2] = trpt->bup.oval;
		;
		goto R999;

	case 73: // STATE 180
		;
		now.bgen[1] = trpt->bup.ovals[13];
		now.ekill[2] = trpt->bup.ovals[12];
		now.hbt[2] = trpt->bup.ovals[11];
		now.hbs[2] = trpt->bup.ovals[10];
		now.eccr[2] = trpt->bup.ovals[9];
		now.hlive[2] = trpt->bup.ovals[8];
		now.ecan[2] = trpt->bup.ovals[7];
		now.elost[2] = trpt->bup.ovals[6];
		now.eph[2] = trpt->bup.ovals[5];
		now.ecid[2] = trpt->bup.ovals[4];
		now.eatt[2] = trpt->bup.ovals[3];
		now.etok[2] = trpt->bup.ovals[2];
		now.estart[2] = trpt->bup.ovals[1];
		now.eact[2] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 14);
		goto R999;

	case 74: // STATE 180
		;
		now.bgen[1] = trpt->bup.oval;
		;
		goto R999;

	case 75: // STATE 180
		;
		now.bgen[1] = trpt->bup.oval;
		;
		goto R999;

	case 76: // STATE 185
		;
		now.paused[0] = trpt->bup.ovals[1];
		now.faults = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 77: // STATE 189
		;
		now.paused[1] = trpt->bup.ovals[1];
		now.faults = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 78: // STATE 192
		;
		now.faults = trpt->bup.oval;
		;
		goto R999;

	case 79: // STATE 194
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 80: // STATE 200
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 81: // STATE 212
		;
		now.fanout[0] = trpt->bup.ovals[2];
		now.bgen[0] = trpt->bup.ovals[1];
		now.ready = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 82: // STATE 212
		;
		now.fanout[0] = trpt->bup.ovals[1];
		now.bgen[0] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 83: // STATE 212
		;
		now.fanout[0] = trpt->bup.ovals[1];
		now.bgen[0] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 84: // STATE 216
		;
		now.faults = trpt->bup.oval;
		;
		goto R999;

	case 85: // STATE 218
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 86: // STATE 224
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 87: // STATE 236
		;
		now.fanout[1] = trpt->bup.ovals[2];
		now.bgen[1] = trpt->bup.ovals[1];
		now.ready = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 88: // STATE 236
		;
		now.fanout[1] = trpt->bup.ovals[1];
		now.bgen[1] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 89: // STATE 236
		;
		now.fanout[1] = trpt->bup.ovals[1];
		now.bgen[1] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 90: // STATE 241
		;
		now.ready = trpt->bup.ovals[1];
		now.faults = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 91: // STATE 246
		;
		p_restor(II);
		;
		;
		goto R999;

		 /* PROC cli */

	case 92: // STATE 2
		;
		((P10 *)_this)->cancelled = trpt->bup.ovals[1];
	/* 0 */	((P10 *)_this)->cancelled = trpt->bup.ovals[0];
		;
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 93: // STATE 4
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 94: // STATE 16
		;
		now.fanout[1] = trpt->bup.ovals[3];
		now.fanout[0] = trpt->bup.ovals[2];
		now.creq = trpt->bup.ovals[1];
		now.terms = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 95: // STATE 16
		;
		now.fanout[1] = trpt->bup.ovals[2];
		now.fanout[0] = trpt->bup.ovals[1];
		now.creq = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 96: // STATE 16
		;
		now.fanout[1] = trpt->bup.ovals[1];
		now.fanout[0] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 97: // STATE 16
		;
		now.fanout[1] = trpt->bup.ovals[1];
		now.fanout[0] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 98: // STATE 21
		;
		now.att = trpt->bup.ovals[3];
		now.st = trpt->bup.ovals[2];
		((P10 *)_this)->retried = trpt->bup.ovals[1];
	/* 0 */	((P10 *)_this)->retried = trpt->bup.ovals[0];
		;
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 99: // STATE 31
		;
		((P10 *)_this)->rt = trpt->bup.ovals[7];
		now.runs = trpt->bup.ovals[6];
		now.expired = trpt->bup.ovals[5];
		now.owner = trpt->bup.ovals[4];
		now.grace = trpt->bup.ovals[3];
		now.pub = trpt->bup.ovals[2];
		now.creq = trpt->bup.ovals[1];
		now.tok = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 8);
		goto R999;

	case 100: // STATE 34
		;
		((P10 *)_this)->conf = trpt->bup.ovals[1];
		now.ready = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;
;
		
	case 101: // STATE 43
		goto R999;

	case 102: // STATE 38
		;
		((P10 *)_this)->conf = trpt->bup.ovals[2];
		now.ready = trpt->bup.ovals[1];
		now.faults = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 103: // STATE 41
		;
		((P10 *)_this)->conf = trpt->bup.ovals[1];
		now.faults = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 104: // STATE 46
		;
	/* 0 */	((P10 *)_this)->conf = trpt->bup.oval;
		;
		;
		goto R999;

	case 105: // STATE 59
		;
		((P10 *)_this)->conf = trpt->bup.ovals[3];
		((P10 *)_this)->rt = trpt->bup.ovals[2];
		now.pub = trpt->bup.ovals[1];
	/* 0 */	((P10 *)_this)->rt = trpt->bup.ovals[0];
		;
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 106: // STATE 59
		;
		((P10 *)_this)->conf = trpt->bup.ovals[1];
		((P10 *)_this)->rt = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 107: // STATE 59
		;
		((P10 *)_this)->conf = trpt->bup.ovals[1];
		((P10 *)_this)->rt = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 108: // STATE 59
		;
		((P10 *)_this)->conf = trpt->bup.ovals[1];
		((P10 *)_this)->rt = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 109: // STATE 59
		;
		((P10 *)_this)->conf = trpt->bup.ovals[1];
		((P10 *)_this)->rt = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 110: // STATE 63
		;
		p_restor(II);
		;
		;
		goto R999;

		 /* PROC submitter */

	case 111: // STATE 3
		;
		now.grace = trpt->bup.ovals[2];
		now.tok = trpt->bup.ovals[1];
		now.st = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 112: // STATE 6
		;
		now.faults = trpt->bup.oval;
		;
		goto R999;

	case 113: // STATE 10
		;
		((P9 *)_this)->conf = trpt->bup.ovals[1];
		now.ready = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 114: // STATE 15
		;
		((P9 *)_this)->conf = trpt->bup.ovals[2];
		now.ready = trpt->bup.ovals[1];
		now.faults = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 115: // STATE 19
		;
		((P9 *)_this)->conf = trpt->bup.ovals[1];
		now.faults = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 116: // STATE 23
		;
	/* 0 */	((P9 *)_this)->conf = trpt->bup.oval;
		;
		;
		goto R999;

	case 117: // STATE 25
		;
		now.pub = trpt->bup.oval;
		;
		goto R999;
;
		
	case 118: // STATE 29
		goto R999;
;
		
	case 119: // STATE 27
		goto R999;

	case 120: // STATE 37
		;
		p_restor(II);
		;
		;
		goto R999;

		 /* PROC relay */

	case 121: // STATE 2
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 122: // STATE 7
		;
		((P8 *)_this)->rt = trpt->bup.ovals[2];
		now.grace = trpt->bup.ovals[1];
		now.tok = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;
;
		;
		;
		;
		
	case 125: // STATE 10
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 126: // STATE 11
		;
		((P8 *)_this)->conf = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 128: // STATE 13
		;
		now.faults = trpt->bup.oval;
		;
		goto R999;

	case 129: // STATE 14
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 130: // STATE 15
		;
		((P8 *)_this)->conf = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 132: // STATE 17
		;
		now.faults = trpt->bup.oval;
		;
		goto R999;

	case 133: // STATE 18
		;
		((P8 *)_this)->conf = trpt->bup.oval;
		;
		goto R999;

	case 134: // STATE 23
		;
	/* 0 */	((P8 *)_this)->conf = trpt->bup.oval;
		;
		;
		goto R999;
;
		;
		
	case 136: // STATE 25
		;
	/* 0 */	((P8 *)_this)->rt = trpt->bup.oval;
		;
		;
		goto R999;

	case 137: // STATE 26
		;
		now.pub = trpt->bup.oval;
		;
		goto R999;

	case 138: // STATE 36
		;
		((P8 *)_this)->rt = trpt->bup.oval;
		;
		goto R999;

	case 139: // STATE 37
		;
		((P8 *)_this)->conf = trpt->bup.oval;
		;
		goto R999;

	case 140: // STATE 42
		;
		((P8 *)_this)->conf = trpt->bup.ovals[1];
		((P8 *)_this)->rt = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;
;
		;
		
	case 142: // STATE 51
		;
		now.grace = trpt->bup.ovals[4];
		now.pub = trpt->bup.ovals[3];
		now.owner = trpt->bup.ovals[2];
		now.expired = trpt->bup.ovals[1];
		now.tok = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 5);
		goto R999;

	case 143: // STATE 53
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 144: // STATE 54
		;
		now.terms = trpt->bup.oval;
		;
		goto R999;
;
		
	case 145: // STATE 65
		goto R999;

	case 146: // STATE 58
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 147: // STATE 59
		;
		now.terms = trpt->bup.oval;
		;
		goto R999;

	case 148: // STATE 63
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 149: // STATE 71
		;
		p_restor(II);
		;
		;
		goto R999;

		 /* PROC due_clock */

	case 150: // STATE 2
		;
		now.due = trpt->bup.oval;
		;
		goto R999;

	case 151: // STATE 7
		;
		p_restor(II);
		;
		;
		goto R999;

		 /* PROC grace_clock */

	case 152: // STATE 2
		;
		now.grace = trpt->bup.oval;
		;
		goto R999;

	case 153: // STATE 7
		;
		p_restor(II);
		;
		;
		goto R999;

		 /* PROC db_clock */

	case 154: // STATE 2
		;
		now.expired = trpt->bup.oval;
		;
		goto R999;

	case 155: // STATE 7
		;
		p_restor(II);
		;
		;
		goto R999;

		 /* PROC lease_clock */

	case 156: // STATE 2
		;
		now.eph[ Index(((P4 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 157: // STATE 5
		;
		now.eph[ Index(((P4 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 158: // STATE 10
		;
		p_restor(II);
		;
		;
		goto R999;

		 /* PROC fence */

	case 159: // STATE 3
		;
		now.hlive[ Index(((P3 *)_this)->e, 3) ] = trpt->bup.ovals[1];
		now.elost[ Index(((P3 *)_this)->e, 3) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 160: // STATE 6
		;
		now.hlive[ Index(((P3 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 161: // STATE 11
		;
		p_restor(II);
		;
		;
		goto R999;

		 /* PROC keeper */

	case 162: // STATE 2
		;
		now.hb[ Index(((P2 *)_this)->w, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 163: // STATE 5
		;
		now.hbt[0] = trpt->bup.ovals[1];
		now.hbs[0] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 164: // STATE 7
		;
		now.hbs[0] = trpt->bup.oval;
		;
		goto R999;

	case 165: // STATE 12
		;
		now.hbt[1] = trpt->bup.ovals[1];
		now.hbs[1] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 166: // STATE 14
		;
		now.hbs[1] = trpt->bup.oval;
		;
		goto R999;

	case 167: // STATE 19
		;
		now.hbt[2] = trpt->bup.ovals[1];
		now.hbs[2] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;
;
		
	case 168: // STATE 23
		goto R999;

	case 169: // STATE 21
		;
		now.hbs[2] = trpt->bup.oval;
		;
		goto R999;

	case 170: // STATE 26
		;
		now.hb[ Index(((P2 *)_this)->w, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 171: // STATE 29
		;
		now.hbs[0] = trpt->bup.ovals[1];
		now.expired = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 172: // STATE 31
		;
		now.hbs[0] = trpt->bup.oval;
		;
		goto R999;

	case 173: // STATE 38
		;
		now.hbs[1] = trpt->bup.ovals[1];
		now.expired = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 174: // STATE 40
		;
		now.hbs[1] = trpt->bup.oval;
		;
		goto R999;

	case 175: // STATE 47
		;
		now.hbs[2] = trpt->bup.ovals[1];
		now.expired = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;
;
		
	case 176: // STATE 53
		goto R999;

	case 177: // STATE 49
		;
		now.hbs[2] = trpt->bup.oval;
		;
		goto R999;
;
		
	case 178: // STATE 51
		goto R999;

	case 179: // STATE 56
		;
		now.hb[ Index(((P2 *)_this)->w, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 180: // STATE 58
		;
		now.eph[0] = trpt->bup.oval;
		;
		goto R999;

	case 181: // STATE 73
		;
		now.hbs[0] = trpt->bup.ovals[2];
		now.hlive[0] = trpt->bup.ovals[1];
		now.ecan[0] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 182: // STATE 73
		;
		now.hbs[0] = trpt->bup.oval;
		;
		goto R999;

	case 183: // STATE 73
		;
		now.hbs[0] = trpt->bup.ovals[2];
		now.hlive[0] = trpt->bup.ovals[1];
		now.elost[0] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 184: // STATE 73
		;
		now.hbs[0] = trpt->bup.oval;
		;
		goto R999;

	case 185: // STATE 73
		;
		now.hbs[0] = trpt->bup.oval;
		;
		goto R999;

	case 186: // STATE 76
		;
		now.eph[1] = trpt->bup.oval;
		;
		goto R999;

	case 187: // STATE 91
		;
		now.hbs[1] = trpt->bup.ovals[2];
		now.hlive[1] = trpt->bup.ovals[1];
		now.ecan[1] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 188: // STATE 91
		;
		now.hbs[1] = trpt->bup.oval;
		;
		goto R999;

	case 189: // STATE 91
		;
		now.hbs[1] = trpt->bup.ovals[2];
		now.hlive[1] = trpt->bup.ovals[1];
		now.elost[1] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 190: // STATE 91
		;
		now.hbs[1] = trpt->bup.oval;
		;
		goto R999;

	case 191: // STATE 91
		;
		now.hbs[1] = trpt->bup.oval;
		;
		goto R999;

	case 192: // STATE 94
		;
		now.eph[2] = trpt->bup.oval;
		;
		goto R999;

	case 193: // STATE 109
		;
		now.hbs[2] = trpt->bup.ovals[2];
		now.hlive[2] = trpt->bup.ovals[1];
		now.ecan[2] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 194: // STATE 109
		;
		now.hbs[2] = trpt->bup.oval;
		;
		goto R999;

	case 195: // STATE 109
		;
		now.hbs[2] = trpt->bup.oval;
		;
		goto R999;

	case 196: // STATE 109
		;
		now.hbs[2] = trpt->bup.ovals[2];
		now.hlive[2] = trpt->bup.ovals[1];
		now.elost[2] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 197: // STATE 109
		;
		now.hbs[2] = trpt->bup.oval;
		;
		goto R999;

	case 198: // STATE 117
		;
		now.hbs[2] = trpt->bup.ovals[4];
		now.hbs[1] = trpt->bup.ovals[3];
		now.hbs[0] = trpt->bup.ovals[2];
		now.hb[ Index(((P2 *)_this)->w, 2) ] = trpt->bup.ovals[1];
		now.faults = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 5);
		goto R999;

	case 199: // STATE 120
		;
		now.lock[ Index(((P2 *)_this)->w, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 200: // STATE 123
		;
		now.fanout[ Index(((P2 *)_this)->w, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 201: // STATE 126
		;
		now.hlive[0] = trpt->bup.ovals[1];
		now.ecan[0] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 202: // STATE 133
		;
		now.hlive[1] = trpt->bup.ovals[1];
		now.ecan[1] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 203: // STATE 140
		;
		now.hlive[2] = trpt->bup.ovals[1];
		now.ecan[2] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;
;
		
	case 204: // STATE 144
		goto R999;
;
		
	case 205: // STATE 142
		goto R999;

	case 206: // STATE 149
		;
		p_restor(II);
		;
		;
		goto R999;

		 /* PROC executor */
;
		;
		;
		;
		
	case 209: // STATE 2
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 210: // STATE 3
		;
		now.edl[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 211: // STATE 4
		;
		now.edg[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 212: // STATE 5
		;
		now.eact[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 213: // STATE 6
		;
		now.ncid = trpt->bup.oval;
		;
		goto R999;

	case 214: // STATE 7
		;
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		;
		;
		
	case 217: // STATE 12
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 218: // STATE 13
		;
		now.owner = trpt->bup.oval;
		;
		goto R999;

	case 219: // STATE 14
		;
		now.att = trpt->bup.oval;
		;
		goto R999;

	case 220: // STATE 15
		;
		now.tok = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 222: // STATE 18
		;
		now.cid = trpt->bup.oval;
		;
		goto R999;

	case 223: // STATE 19
		;
		now.pub = trpt->bup.oval;
		;
		goto R999;

	case 224: // STATE 20
		;
		now.expired = trpt->bup.oval;
		;
		goto R999;

	case 225: // STATE 21
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 226: // STATE 22
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 227: // STATE 23
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 228: // STATE 24
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 230: // STATE 26
		;
		now.maxftok = trpt->bup.oval;
		;
		goto R999;

	case 231: // STATE 28
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;

	case 232: // STATE 30
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 234: // STATE 35
		;
		now.faults = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 236: // STATE 37
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 237: // STATE 38
		;
		now.owner = trpt->bup.oval;
		;
		goto R999;

	case 238: // STATE 39
		;
		now.att = trpt->bup.oval;
		;
		goto R999;

	case 239: // STATE 40
		;
		now.tok = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 241: // STATE 43
		;
		now.cid = trpt->bup.oval;
		;
		goto R999;

	case 242: // STATE 44
		;
		now.pub = trpt->bup.oval;
		;
		goto R999;

	case 243: // STATE 45
		;
		now.expired = trpt->bup.oval;
		;
		goto R999;

	case 244: // STATE 46
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 245: // STATE 47
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 246: // STATE 48
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 247: // STATE 49
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 249: // STATE 51
		;
		now.maxftok = trpt->bup.oval;
		;
		goto R999;

	case 250: // STATE 53
		;
		((P1 *)_this)->r = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 251: // STATE 55
		;
		((P1 *)_this)->r = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 252: // STATE 59
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 254: // STATE 61
		;
		now.faults = trpt->bup.oval;
		;
		goto R999;

	case 255: // STATE 62
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;

	case 256: // STATE 66
		;
	/* 0 */	((P1 *)_this)->r = trpt->bup.oval;
		;
		;
		goto R999;

	case 257: // STATE 68
		;
	/* 0 */	((P1 *)_this)->r = trpt->bup.oval;
		;
		;
		goto R999;
;
		;
		;
		;
		
	case 260: // STATE 72
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 261: // STATE 77
		;
		now.edl[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 262: // STATE 78
		;
		now.eact[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 263: // STATE 79
		;
		now.estart[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 264: // STATE 80
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 265: // STATE 81
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 266: // STATE 82
		;
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 267: // STATE 83
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 268: // STATE 84
		;
		now.elost[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 269: // STATE 85
		;
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 270: // STATE 86
		;
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 271: // STATE 87
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 272: // STATE 88
		;
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 273: // STATE 89
		;
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 274: // STATE 96
		;
	/* 0 */	((P1 *)_this)->r = trpt->bup.oval;
		;
		;
		goto R999;

	case 275: // STATE 100
		;
		((P1 *)_this)->rnd = trpt->bup.oval;
		;
		goto R999;

	case 276: // STATE 101
		;
	/* 0 */	((P1 *)_this)->rnd = trpt->bup.oval;
		;
		;
		goto R999;
;
		;
		;
		;
		
	case 279: // STATE 104
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 280: // STATE 109
		;
		now.edl[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 281: // STATE 110
		;
		now.eact[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 282: // STATE 111
		;
		now.estart[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 283: // STATE 112
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 284: // STATE 113
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 285: // STATE 114
		;
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 286: // STATE 115
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 287: // STATE 116
		;
		now.elost[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 288: // STATE 117
		;
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 289: // STATE 118
		;
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 290: // STATE 119
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 291: // STATE 120
		;
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 292: // STATE 121
		;
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 294: // STATE 127
		;
		((P1 *)_this)->rnd = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 296: // STATE 129
		;
		((P1 *)_this)->rst = trpt->bup.oval;
		;
		goto R999;

	case 297: // STATE 130
		;
		((P1 *)_this)->rown = trpt->bup.oval;
		;
		goto R999;

	case 298: // STATE 131
		;
		((P1 *)_this)->rtok = trpt->bup.oval;
		;
		goto R999;

	case 299: // STATE 132
		;
		((P1 *)_this)->rcid = trpt->bup.oval;
		;
		goto R999;

	case 300: // STATE 133
		;
		((P1 *)_this)->rcreq = trpt->bup.oval;
		;
		goto R999;

	case 301: // STATE 134
		;
		((P1 *)_this)->rdue = trpt->bup.oval;
		;
		goto R999;

	case 302: // STATE 135
		;
		((P1 *)_this)->rexp = trpt->bup.oval;
		;
		goto R999;

	case 303: // STATE 137
		;
	/* 0 */	((P1 *)_this)->rst = trpt->bup.oval;
		;
		;
		goto R999;
;
		;
		;
		;
		
	case 306: // STATE 140
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 307: // STATE 145
		;
		now.edl[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 308: // STATE 146
		;
		now.eact[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 309: // STATE 147
		;
		now.estart[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 310: // STATE 148
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 311: // STATE 149
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 312: // STATE 150
		;
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 313: // STATE 151
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 314: // STATE 152
		;
		now.elost[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 315: // STATE 153
		;
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 316: // STATE 154
		;
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 317: // STATE 155
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 318: // STATE 156
		;
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 319: // STATE 157
		;
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 321: // STATE 163
		;
	/* 0 */	((P1 *)_this)->rcreq = trpt->bup.oval;
		;
		;
		goto R999;
;
		;
		;
		;
		
	case 324: // STATE 166
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 325: // STATE 167
		;
		now.terms = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 327: // STATE 170
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;

	case 328: // STATE 172
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 330: // STATE 176
		;
		now.faults = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 332: // STATE 178
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 333: // STATE 179
		;
		now.terms = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 335: // STATE 182
		;
		((P1 *)_this)->r = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 336: // STATE 184
		;
		((P1 *)_this)->r = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 337: // STATE 187
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 339: // STATE 189
		;
		now.faults = trpt->bup.oval;
		;
		goto R999;

	case 340: // STATE 190
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;

	case 341: // STATE 194
		;
	/* 0 */	((P1 *)_this)->r = trpt->bup.oval;
		;
		;
		goto R999;
;
		;
		;
		;
		
	case 344: // STATE 197
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 345: // STATE 202
		;
		now.edl[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 346: // STATE 203
		;
		now.eact[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 347: // STATE 204
		;
		now.estart[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 348: // STATE 205
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 349: // STATE 206
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 350: // STATE 207
		;
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 351: // STATE 208
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 352: // STATE 209
		;
		now.elost[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 353: // STATE 210
		;
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 354: // STATE 211
		;
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 355: // STATE 212
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 356: // STATE 213
		;
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 357: // STATE 214
		;
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 358: // STATE 219
		;
	/* 0 */	((P1 *)_this)->r = trpt->bup.oval;
		;
		;
		goto R999;

	case 359: // STATE 221
		;
	/* 0 */	((P1 *)_this)->r = trpt->bup.oval;
		;
		;
		goto R999;
;
		;
		;
		;
		
	case 362: // STATE 224
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 363: // STATE 229
		;
		now.edl[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 364: // STATE 230
		;
		now.eact[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 365: // STATE 231
		;
		now.estart[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 366: // STATE 232
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 367: // STATE 233
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 368: // STATE 234
		;
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 369: // STATE 235
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 370: // STATE 236
		;
		now.elost[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 371: // STATE 237
		;
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 372: // STATE 238
		;
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 373: // STATE 239
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 374: // STATE 240
		;
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 375: // STATE 241
		;
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 376: // STATE 248
		;
	/* 2 */	((P1 *)_this)->rdue = trpt->bup.ovals[2];
	/* 1 */	((P1 *)_this)->rst = trpt->bup.ovals[1];
	/* 0 */	((P1 *)_this)->rcreq = trpt->bup.ovals[0];
		;
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 377: // STATE 249
		;
		now.ncid = trpt->bup.oval;
		;
		goto R999;

	case 378: // STATE 250
		;
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		;
		;
		
	case 381: // STATE 254
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 382: // STATE 255
		;
		now.owner = trpt->bup.oval;
		;
		goto R999;

	case 383: // STATE 256
		;
		now.att = trpt->bup.oval;
		;
		goto R999;

	case 384: // STATE 257
		;
		now.tok = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 386: // STATE 260
		;
		now.cid = trpt->bup.oval;
		;
		goto R999;

	case 387: // STATE 261
		;
		now.pub = trpt->bup.oval;
		;
		goto R999;

	case 388: // STATE 262
		;
		now.expired = trpt->bup.oval;
		;
		goto R999;

	case 389: // STATE 263
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 390: // STATE 264
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 391: // STATE 265
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 392: // STATE 266
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 394: // STATE 268
		;
		now.maxftok = trpt->bup.oval;
		;
		goto R999;

	case 395: // STATE 270
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;

	case 396: // STATE 272
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 398: // STATE 277
		;
		now.faults = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 400: // STATE 279
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 401: // STATE 280
		;
		now.owner = trpt->bup.oval;
		;
		goto R999;

	case 402: // STATE 281
		;
		now.att = trpt->bup.oval;
		;
		goto R999;

	case 403: // STATE 282
		;
		now.tok = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 405: // STATE 285
		;
		now.cid = trpt->bup.oval;
		;
		goto R999;

	case 406: // STATE 286
		;
		now.pub = trpt->bup.oval;
		;
		goto R999;

	case 407: // STATE 287
		;
		now.expired = trpt->bup.oval;
		;
		goto R999;

	case 408: // STATE 288
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 409: // STATE 289
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 410: // STATE 290
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 411: // STATE 291
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 413: // STATE 293
		;
		now.maxftok = trpt->bup.oval;
		;
		goto R999;

	case 414: // STATE 295
		;
		((P1 *)_this)->r = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 415: // STATE 297
		;
		((P1 *)_this)->r = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 416: // STATE 301
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 418: // STATE 303
		;
		now.faults = trpt->bup.oval;
		;
		goto R999;

	case 419: // STATE 304
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;

	case 420: // STATE 308
		;
	/* 0 */	((P1 *)_this)->r = trpt->bup.oval;
		;
		;
		goto R999;

	case 421: // STATE 310
		;
	/* 0 */	((P1 *)_this)->r = trpt->bup.oval;
		;
		;
		goto R999;
;
		;
		;
		;
		
	case 424: // STATE 314
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 425: // STATE 319
		;
		now.edl[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 426: // STATE 320
		;
		now.eact[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 427: // STATE 321
		;
		now.estart[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 428: // STATE 322
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 429: // STATE 323
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 430: // STATE 324
		;
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 431: // STATE 325
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 432: // STATE 326
		;
		now.elost[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 433: // STATE 327
		;
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 434: // STATE 328
		;
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 435: // STATE 329
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 436: // STATE 330
		;
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 437: // STATE 331
		;
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 438: // STATE 338
		;
	/* 0 */	((P1 *)_this)->r = trpt->bup.oval;
		;
		;
		goto R999;
;
		;
		;
		;
		
	case 441: // STATE 345
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 442: // STATE 350
		;
		now.edl[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 443: // STATE 351
		;
		now.eact[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 444: // STATE 352
		;
		now.estart[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 445: // STATE 353
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 446: // STATE 354
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 447: // STATE 355
		;
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 448: // STATE 356
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 449: // STATE 357
		;
		now.elost[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 450: // STATE 358
		;
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 451: // STATE 359
		;
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 452: // STATE 360
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 453: // STATE 361
		;
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 454: // STATE 362
		;
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 455: // STATE 369
		;
	/* 2 */	((P1 *)_this)->rcid = trpt->bup.ovals[2];
	/* 1 */	((P1 *)_this)->rown = trpt->bup.ovals[1];
	/* 0 */	((P1 *)_this)->rst = trpt->bup.ovals[0];
		;
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;
;
		;
		;
		;
		
	case 458: // STATE 372
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;

	case 459: // STATE 374
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 461: // STATE 378
		;
		now.faults = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 463: // STATE 380
		;
		((P1 *)_this)->r = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 464: // STATE 382
		;
		((P1 *)_this)->r = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 465: // STATE 385
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 467: // STATE 387
		;
		now.faults = trpt->bup.oval;
		;
		goto R999;

	case 468: // STATE 388
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;

	case 469: // STATE 392
		;
	/* 0 */	((P1 *)_this)->r = trpt->bup.oval;
		;
		;
		goto R999;

	case 470: // STATE 394
		;
	/* 0 */	((P1 *)_this)->r = trpt->bup.oval;
		;
		;
		goto R999;

	case 471: // STATE 396
		;
	/* 0 */	((P1 *)_this)->r = trpt->bup.oval;
		;
		;
		goto R999;
;
		;
		;
		;
		
	case 474: // STATE 399
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 475: // STATE 404
		;
		now.edl[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 476: // STATE 405
		;
		now.eact[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 477: // STATE 406
		;
		now.estart[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 478: // STATE 407
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 479: // STATE 408
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 480: // STATE 409
		;
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 481: // STATE 410
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 482: // STATE 411
		;
		now.elost[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 483: // STATE 412
		;
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 484: // STATE 413
		;
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 485: // STATE 414
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 486: // STATE 415
		;
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 487: // STATE 416
		;
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 488: // STATE 423
		;
	/* 1 */	((P1 *)_this)->rcid = trpt->bup.ovals[1];
	/* 0 */	((P1 *)_this)->rst = trpt->bup.ovals[0];
		;
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 489: // STATE 424
		;
		((P1 *)_this)->found = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 491: // STATE 426
		;
		((P1 *)_this)->found = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 493: // STATE 428
		;
		now.edg[0] = trpt->bup.oval;
		;
		goto R999;

	case 494: // STATE 429
		;
		now.edl[0] = trpt->bup.oval;
		;
		goto R999;

	case 495: // STATE 430
		;
		now.edl[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 497: // STATE 436
		;
		((P1 *)_this)->found = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 499: // STATE 438
		;
		now.edg[1] = trpt->bup.oval;
		;
		goto R999;

	case 500: // STATE 439
		;
		now.edl[1] = trpt->bup.oval;
		;
		goto R999;

	case 501: // STATE 440
		;
		now.edl[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 502: // STATE 450
		;
	/* 0 */	((P1 *)_this)->found = trpt->bup.oval;
		;
		;
		goto R999;
;
		;
		;
		;
		
	case 505: // STATE 453
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 506: // STATE 458
		;
		now.edl[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 507: // STATE 459
		;
		now.eact[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 508: // STATE 460
		;
		now.estart[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 509: // STATE 461
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 510: // STATE 462
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 511: // STATE 463
		;
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 512: // STATE 464
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 513: // STATE 465
		;
		now.elost[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 514: // STATE 466
		;
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 515: // STATE 467
		;
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 516: // STATE 468
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 517: // STATE 469
		;
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 518: // STATE 470
		;
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 519: // STATE 476
		;
		((P1 *)_this)->dead = trpt->bup.oval;
		;
		goto R999;

	case 520: // STATE 480
		;
	/* 1 */	((P1 *)_this)->rexp = trpt->bup.ovals[1];
	/* 0 */	((P1 *)_this)->rst = trpt->bup.ovals[0];
		;
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 521: // STATE 481
		;
		((P1 *)_this)->dead = trpt->bup.oval;
		;
		goto R999;

	case 522: // STATE 483
		;
	/* 1 */	((P1 *)_this)->rexp = trpt->bup.ovals[1];
	/* 0 */	((P1 *)_this)->rst = trpt->bup.ovals[0];
		;
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;
;
		;
		
	case 524: // STATE 485
		;
		((P1 *)_this)->dead = trpt->bup.oval;
		;
		goto R999;
;
		;
		;
		;
		;
		;
		
	case 528: // STATE 492
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 529: // STATE 497
		;
		now.edl[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 530: // STATE 498
		;
		now.eact[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 531: // STATE 499
		;
		now.estart[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 532: // STATE 500
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 533: // STATE 501
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 534: // STATE 502
		;
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 535: // STATE 503
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 536: // STATE 504
		;
		now.elost[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 537: // STATE 505
		;
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 538: // STATE 506
		;
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 539: // STATE 507
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 540: // STATE 508
		;
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 541: // STATE 509
		;
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 542: // STATE 519
		;
		now.ncid = trpt->bup.oval;
		;
		goto R999;

	case 543: // STATE 520
		;
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		;
		;
		
	case 546: // STATE 524
		;
		now.tok = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 548: // STATE 527
		;
		now.expired = trpt->bup.oval;
		;
		goto R999;

	case 549: // STATE 528
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 551: // STATE 530
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 552: // STATE 531
		;
		now.terms = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 554: // STATE 534
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 556: // STATE 536
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 557: // STATE 537
		;
		now.terms = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 559: // STATE 540
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;

	case 560: // STATE 542
		;
		now.owner = trpt->bup.oval;
		;
		goto R999;

	case 561: // STATE 543
		;
		now.att = trpt->bup.oval;
		;
		goto R999;

	case 562: // STATE 544
		;
		now.cid = trpt->bup.oval;
		;
		goto R999;

	case 563: // STATE 545
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 564: // STATE 546
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 565: // STATE 547
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 567: // STATE 549
		;
		now.maxftok = trpt->bup.oval;
		;
		goto R999;

	case 568: // STATE 551
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;

	case 569: // STATE 555
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 571: // STATE 560
		;
		now.faults = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 573: // STATE 562
		;
		now.tok = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 575: // STATE 565
		;
		now.expired = trpt->bup.oval;
		;
		goto R999;

	case 576: // STATE 566
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 578: // STATE 568
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 579: // STATE 569
		;
		now.terms = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 581: // STATE 572
		;
		((P1 *)_this)->r = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;
;
		;
		
	case 583: // STATE 574
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 584: // STATE 575
		;
		now.terms = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 586: // STATE 578
		;
		((P1 *)_this)->r = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 587: // STATE 580
		;
		now.owner = trpt->bup.oval;
		;
		goto R999;

	case 588: // STATE 581
		;
		now.att = trpt->bup.oval;
		;
		goto R999;

	case 589: // STATE 582
		;
		now.cid = trpt->bup.oval;
		;
		goto R999;

	case 590: // STATE 583
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 591: // STATE 584
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 592: // STATE 585
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 594: // STATE 587
		;
		now.maxftok = trpt->bup.oval;
		;
		goto R999;

	case 595: // STATE 589
		;
		((P1 *)_this)->r = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 596: // STATE 593
		;
		((P1 *)_this)->r = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 597: // STATE 597
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 599: // STATE 599
		;
		now.faults = trpt->bup.oval;
		;
		goto R999;

	case 600: // STATE 600
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;

	case 601: // STATE 604
		;
	/* 0 */	((P1 *)_this)->r = trpt->bup.oval;
		;
		;
		goto R999;

	case 602: // STATE 606
		;
	/* 0 */	((P1 *)_this)->r = trpt->bup.oval;
		;
		;
		goto R999;
;
		;
		;
		;
		
	case 605: // STATE 610
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 606: // STATE 615
		;
		now.edl[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 607: // STATE 616
		;
		now.eact[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 608: // STATE 617
		;
		now.estart[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 609: // STATE 618
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 610: // STATE 619
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 611: // STATE 620
		;
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 612: // STATE 621
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 613: // STATE 622
		;
		now.elost[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 614: // STATE 623
		;
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 615: // STATE 624
		;
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 616: // STATE 625
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 617: // STATE 626
		;
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 618: // STATE 627
		;
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 619: // STATE 634
		;
	/* 0 */	((P1 *)_this)->r = trpt->bup.oval;
		;
		;
		goto R999;

	case 620: // STATE 642
		;
		now.estart[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 622: // STATE 644
		;
		now.elost[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 624: // STATE 650
		;
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 626: // STATE 654
		;
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 628: // STATE 656
		;
		((P1 *)_this)->o = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 630: // STATE 658
		;
		((P1 *)_this)->o = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 632: // STATE 660
		;
		((P1 *)_this)->o = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 634: // STATE 662
		;
		((P1 *)_this)->o = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 636: // STATE 664
		;
		((P1 *)_this)->o = trpt->bup.oval;
		;
		goto R999;

	case 637: // STATE 665
		;
		now.released = trpt->bup.oval;
		;
		goto R999;

	case 638: // STATE 669
		;
	/* 0 */	((P1 *)_this)->o = trpt->bup.oval;
		;
		;
		goto R999;
;
		;
		;
		;
		
	case 641: // STATE 672
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 642: // STATE 677
		;
		now.edl[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 643: // STATE 678
		;
		now.eact[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 644: // STATE 679
		;
		now.estart[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 645: // STATE 680
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 646: // STATE 681
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 647: // STATE 682
		;
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 648: // STATE 683
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 649: // STATE 684
		;
		now.elost[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 650: // STATE 685
		;
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 651: // STATE 686
		;
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 652: // STATE 687
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 653: // STATE 688
		;
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 654: // STATE 689
		;
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		;
		;
		
	case 657: // STATE 700
		;
		now.tok = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 659: // STATE 703
		;
		now.expired = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 661: // STATE 705
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 662: // STATE 706
		;
		now.terms = trpt->bup.oval;
		;
		goto R999;
;
		;
		;
		;
		
	case 665: // STATE 710
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 666: // STATE 711
		;
		now.terms = trpt->bup.oval;
		;
		goto R999;
;
		;
		;
		;
		
	case 669: // STATE 715
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 670: // STATE 716
		;
		now.terms = trpt->bup.oval;
		;
		goto R999;
;
		;
		;
		;
		
	case 673: // STATE 720
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 674: // STATE 721
		;
		now.owner = trpt->bup.oval;
		;
		goto R999;

	case 675: // STATE 722
		;
		now.pub = trpt->bup.oval;
		;
		goto R999;

	case 676: // STATE 723
		;
		now.due = trpt->bup.oval;
		;
		goto R999;

	case 677: // STATE 724
		;
		now.grace = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 679: // STATE 726
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 680: // STATE 727
		;
		now.owner = trpt->bup.oval;
		;
		goto R999;

	case 681: // STATE 728
		;
		now.att = trpt->bup.oval;
		;
		goto R999;

	case 682: // STATE 729
		;
		now.pub = trpt->bup.oval;
		;
		goto R999;

	case 683: // STATE 730
		;
		now.grace = trpt->bup.oval;
		;
		goto R999;

	case 684: // STATE 733
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;

	case 685: // STATE 735
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 687: // STATE 740
		;
		now.faults = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 689: // STATE 742
		;
		now.tok = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 691: // STATE 745
		;
		now.expired = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 693: // STATE 747
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 694: // STATE 748
		;
		now.terms = trpt->bup.oval;
		;
		goto R999;
;
		;
		;
		;
		
	case 697: // STATE 752
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 698: // STATE 753
		;
		now.terms = trpt->bup.oval;
		;
		goto R999;
;
		;
		;
		;
		
	case 701: // STATE 757
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 702: // STATE 758
		;
		now.terms = trpt->bup.oval;
		;
		goto R999;
;
		;
		;
		;
		
	case 705: // STATE 762
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 706: // STATE 763
		;
		now.owner = trpt->bup.oval;
		;
		goto R999;

	case 707: // STATE 764
		;
		now.pub = trpt->bup.oval;
		;
		goto R999;

	case 708: // STATE 765
		;
		now.due = trpt->bup.oval;
		;
		goto R999;

	case 709: // STATE 766
		;
		now.grace = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 711: // STATE 768
		;
		now.st = trpt->bup.oval;
		;
		goto R999;

	case 712: // STATE 769
		;
		now.owner = trpt->bup.oval;
		;
		goto R999;

	case 713: // STATE 770
		;
		now.att = trpt->bup.oval;
		;
		goto R999;

	case 714: // STATE 771
		;
		now.pub = trpt->bup.oval;
		;
		goto R999;

	case 715: // STATE 772
		;
		now.grace = trpt->bup.oval;
		;
		goto R999;

	case 716: // STATE 775
		;
		((P1 *)_this)->r = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 717: // STATE 777
		;
		((P1 *)_this)->r = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 718: // STATE 781
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 720: // STATE 783
		;
		now.faults = trpt->bup.oval;
		;
		goto R999;

	case 721: // STATE 784
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;

	case 722: // STATE 788
		;
	/* 0 */	((P1 *)_this)->r = trpt->bup.oval;
		;
		;
		goto R999;
;
		;
		
	case 724: // STATE 790
		;
	/* 0 */	((P1 *)_this)->o = trpt->bup.oval;
		;
		;
		goto R999;

	case 725: // STATE 791
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 726: // STATE 796
		;
		now.edl[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 727: // STATE 797
		;
		now.eact[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 728: // STATE 798
		;
		now.estart[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 729: // STATE 799
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 730: // STATE 800
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 731: // STATE 801
		;
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 732: // STATE 802
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 733: // STATE 803
		;
		now.elost[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 734: // STATE 804
		;
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 735: // STATE 805
		;
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 736: // STATE 806
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 737: // STATE 807
		;
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 738: // STATE 808
		;
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 739: // STATE 812
		;
	/* 0 */	((P1 *)_this)->r = trpt->bup.oval;
		;
		;
		goto R999;
;
		;
		;
		;
		
	case 742: // STATE 815
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 743: // STATE 820
		;
		now.edl[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 744: // STATE 821
		;
		now.eact[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 745: // STATE 822
		;
		now.estart[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 746: // STATE 823
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 747: // STATE 824
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 748: // STATE 825
		;
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 749: // STATE 826
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 750: // STATE 827
		;
		now.elost[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 751: // STATE 828
		;
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 752: // STATE 829
		;
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 753: // STATE 830
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 754: // STATE 831
		;
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 755: // STATE 832
		;
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 756: // STATE 836
		;
	/* 0 */	((P1 *)_this)->r = trpt->bup.oval;
		;
		;
		goto R999;
;
		;
		;
		;
		
	case 759: // STATE 841
		;
		now.ready = trpt->bup.oval;
		;
		goto R999;

	case 760: // STATE 846
		;
		now.edl[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 761: // STATE 847
		;
		now.eact[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 762: // STATE 848
		;
		now.estart[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 763: // STATE 849
		;
		now.etok[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 764: // STATE 850
		;
		now.eatt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 765: // STATE 851
		;
		now.ecid[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 766: // STATE 852
		;
		now.eph[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 767: // STATE 853
		;
		now.elost[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 768: // STATE 854
		;
		now.ecan[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 769: // STATE 855
		;
		now.hlive[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 770: // STATE 856
		;
		now.eccr[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 771: // STATE 857
		;
		now.hbs[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 772: // STATE 858
		;
		now.hbt[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.oval;
		;
		goto R999;

	case 773: // STATE 866
		;
		((P1 *)_this)->o = trpt->bup.oval;
		;
		goto R999;

	case 774: // STATE 867
		;
		((P1 *)_this)->r = trpt->bup.oval;
		;
		goto R999;

	case 775: // STATE 868
		;
		((P1 *)_this)->rnd = trpt->bup.oval;
		;
		goto R999;

	case 776: // STATE 869
		;
		((P1 *)_this)->rst = trpt->bup.oval;
		;
		goto R999;

	case 777: // STATE 870
		;
		((P1 *)_this)->rown = trpt->bup.oval;
		;
		goto R999;

	case 778: // STATE 871
		;
		((P1 *)_this)->rtok = trpt->bup.oval;
		;
		goto R999;

	case 779: // STATE 872
		;
		((P1 *)_this)->rcid = trpt->bup.oval;
		;
		goto R999;

	case 780: // STATE 873
		;
		((P1 *)_this)->rcreq = trpt->bup.oval;
		;
		goto R999;

	case 781: // STATE 874
		;
		((P1 *)_this)->rdue = trpt->bup.oval;
		;
		goto R999;

	case 782: // STATE 875
		;
		((P1 *)_this)->rexp = trpt->bup.oval;
		;
		goto R999;

	case 783: // STATE 876
		;
		((P1 *)_this)->dead = trpt->bup.oval;
		;
		goto R999;

	case 784: // STATE 877
		;
		((P1 *)_this)->found = trpt->bup.oval;
		;
		goto R999;

	case 785: // STATE 894
		;
		((P1 *)_this)->found = trpt->bup.ovals[12];
		((P1 *)_this)->dead = trpt->bup.ovals[11];
		((P1 *)_this)->rexp = trpt->bup.ovals[10];
		((P1 *)_this)->rdue = trpt->bup.ovals[9];
		((P1 *)_this)->rcreq = trpt->bup.ovals[8];
		((P1 *)_this)->rcid = trpt->bup.ovals[7];
		((P1 *)_this)->rtok = trpt->bup.ovals[6];
		((P1 *)_this)->rown = trpt->bup.ovals[5];
		((P1 *)_this)->rst = trpt->bup.ovals[4];
		((P1 *)_this)->rnd = trpt->bup.ovals[3];
		((P1 *)_this)->r = trpt->bup.ovals[2];
		((P1 *)_this)->o = trpt->bup.ovals[1];
		now.ekill[ Index(((P1 *)_this)->e, 3) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 13);
		goto R999;

		 /* PROC monitor */
;
		
	case 786: // STATE 1
		goto R999;

	case 787: // STATE 7
		;
		p_restor(II);
		;
		;
		goto R999;
	}

