#ifdef PEG
struct T_SRC {
	char *fl; int ln;
} T_SRC[NTRANS];

void
tr_2_src(int m, char *file, int ln)
{	T_SRC[m].fl = file;
	T_SRC[m].ln = ln;
}

void
putpeg(int n, int m)
{	printf("%5d	trans %4d ", m, n);
	printf("%s:%d\n",
		T_SRC[n].fl, T_SRC[n].ln);
}
#endif

void
settable(void)
{	Trans *T;
	Trans *settr(int, int, int, int, int, char *, int, int, int);

	trans = (Trans ***) emalloc(17*sizeof(Trans **));

	/* proctype 15: cancel_honoured */

	trans[15] = (Trans **) emalloc(14*sizeof(Trans *));

	trans[15][6]	= settr(1589,0,5,1,0,".(goto)", 0, 2, 0);
	T = trans[15][5] = settr(1588,0,0,0,0,"DO", 0, 2, 0);
	T = T->nxt	= settr(1588,0,1,0,0,"DO", 0, 2, 0);
	    T->nxt	= settr(1588,0,3,0,0,"DO", 0, 2, 0);
	trans[15][1]	= settr(1584,0,10,3,0,"((!(!((creq&&(st==3))))&&!(((st>=4)||!(creq)))))", 1, 2, 0);
	trans[15][2]	= settr(1585,0,10,1,0,"goto accept_S4", 0, 2, 0);
	trans[15][3]	= settr(1586,0,5,1,0,"(1)", 0, 2, 0);
	trans[15][4]	= settr(1587,0,5,1,0,"goto T0_init", 0, 2, 0);
	trans[15][7]	= settr(1590,0,10,1,0,"break", 0, 2, 0);
	trans[15][11]	= settr(1594,0,10,1,0,".(goto)", 0, 2, 0);
	T = trans[15][10] = settr(1593,0,0,0,0,"DO", 0, 2, 0);
	    T->nxt	= settr(1593,0,8,0,0,"DO", 0, 2, 0);
	trans[15][8]	= settr(1591,0,10,4,0,"(!(((st>=4)||!(creq))))", 1, 2, 0);
	trans[15][9]	= settr(1592,0,10,1,0,"goto accept_S4", 0, 2, 0);
	trans[15][12]	= settr(1595,0,13,1,0,"break", 0, 2, 0);
	trans[15][13]	= settr(1596,0,0,5,5,"-end-", 0, 3500, 0);

	/* proctype 14: done */

	trans[14] = (Trans **) emalloc(14*sizeof(Trans *));

	trans[14][6]	= settr(1576,0,5,1,0,".(goto)", 0, 2, 0);
	T = trans[14][5] = settr(1575,0,0,0,0,"DO", 0, 2, 0);
	T = T->nxt	= settr(1575,0,1,0,0,"DO", 0, 2, 0);
	    T->nxt	= settr(1575,0,3,0,0,"DO", 0, 2, 0);
	trans[14][1]	= settr(1571,0,10,6,0,"(!((st>=4)))", 1, 2, 0);
	trans[14][2]	= settr(1572,0,10,1,0,"goto accept_S9", 0, 2, 0);
	trans[14][3]	= settr(1573,0,5,1,0,"(1)", 0, 2, 0);
	trans[14][4]	= settr(1574,0,5,1,0,"goto T0_init", 0, 2, 0);
	trans[14][7]	= settr(1577,0,10,1,0,"break", 0, 2, 0);
	trans[14][11]	= settr(1581,0,10,1,0,".(goto)", 0, 2, 0);
	T = trans[14][10] = settr(1580,0,0,0,0,"DO", 0, 2, 0);
	    T->nxt	= settr(1580,0,8,0,0,"DO", 0, 2, 0);
	trans[14][8]	= settr(1578,0,5,1,0,"(1)", 0, 2, 0);
	trans[14][9]	= settr(1579,0,5,1,0,"goto T0_init", 0, 2, 0);
	trans[14][12]	= settr(1582,0,13,1,0,"break", 0, 2, 0);
	trans[14][13]	= settr(1583,0,0,7,7,"-end-", 0, 3500, 0);

	/* proctype 13: :init: */

	trans[13] = (Trans **) emalloc(22*sizeof(Trans *));

	T = trans[ 13][20] = settr(1569,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1569,2,1,0,0,"ATOMIC", 1, 2, 0);
	trans[13][1]	= settr(1550,2,5,8,8,"alive[0] = 1", 1, 2, 0); /* m: 2 -> 0,5 */
	reached13[2] = 1;
	trans[13][2]	= settr(0,0,0,0,0,"alive[1] = 1",0,0,0);
	trans[13][3]	= settr(0,0,0,0,0,"lock[0] = 1",0,0,0);
	trans[13][4]	= settr(0,0,0,0,0,"lock[1] = 1",0,0,0);
	trans[13][5]	= settr(1554,2,6,9,9,"(run executor(0,0))", 1, 2, 0);
	trans[13][6]	= settr(1555,2,7,10,10,"(run executor(1,0))", 1, 2, 0);
	trans[13][7]	= settr(1556,2,8,11,11,"(run executor(2,1))", 1, 2, 0);
	trans[13][8]	= settr(1557,2,9,12,12,"(run keeper(0))", 1, 2, 0);
	trans[13][9]	= settr(1558,2,10,13,13,"(run keeper(1))", 1, 2, 0);
	trans[13][10]	= settr(1559,2,11,14,14,"(run relay(0))", 1, 2, 0);
	trans[13][11]	= settr(1560,2,12,15,15,"(run relay(1))", 1, 2, 0);
	trans[13][12]	= settr(1561,2,13,16,16,"(run restarter(0))", 1, 2, 0);
	trans[13][13]	= settr(1562,2,14,17,17,"(run restarter(1))", 1, 2, 0);
	trans[13][14]	= settr(1563,2,15,18,18,"(run lease_clock(0))", 1, 2, 0);
	trans[13][15]	= settr(1564,2,16,19,19,"(run lease_clock(1))", 1, 2, 0);
	trans[13][16]	= settr(1565,2,17,20,20,"(run lease_clock(2))", 1, 2, 0);
	trans[13][17]	= settr(1566,2,18,21,21,"(run fence(0))", 1, 2, 0);
	trans[13][18]	= settr(1567,2,19,22,22,"(run fence(1))", 1, 2, 0);
	trans[13][19]	= settr(1568,0,21,23,23,"(run fence(2))", 1, 2, 0);
	trans[13][21]	= settr(1570,0,0,24,24,"-end-", 0, 3500, 0);

	/* proctype 12: restarter */

	trans[12] = (Trans **) emalloc(39*sizeof(Trans *));

	trans[12][36]	= settr(1547,0,35,1,0,".(goto)", 0, 2, 0);
	T = trans[12][35] = settr(1546,0,0,0,0,"DO", 0, 2, 0);
	T = T->nxt	= settr(1546,0,31,0,0,"DO", 0, 2, 0);
	    T->nxt	= settr(1546,0,34,0,0,"DO", 0, 2, 0);
	T = trans[ 12][31] = settr(1542,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1542,2,1,0,0,"ATOMIC", 1, 2, 0);
	trans[12][1]	= settr(1512,2,29,25,25,"(!(alive[w]))", 1, 2, 0); /* m: 2 -> 29,0 */
	reached12[2] = 1;
	trans[12][2]	= settr(0,0,0,0,0,"alive[w] = 1",0,0,0);
	trans[12][3]	= settr(0,0,0,0,0,"lock[w] = 1",0,0,0);
	T = trans[12][29] = settr(1540,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1540,2,4,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1540,2,27,0,0,"IF", 1, 2, 0);
	trans[12][4]	= settr(1515,2,26,26,0,"(((st==3)&&(owner==(w+1))))", 1, 2, 0);
	T = trans[ 12][26] = settr(1537,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1537,0,7,0,0,"sub-sequence", 1, 2, 0);
	T = trans[ 12][7] = settr(1518,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1518,0,5,0,0,"sub-sequence", 1, 2, 0);
	trans[12][5]	= settr(1516,2,24,27,27,"tok = (tok+1)", 1, 2, 0); /* m: 6 -> 0,24 */
	reached12[6] = 1;
	trans[12][6]	= settr(0,0,0,0,0,"assert((tok<250))",0,0,0);
	trans[12][8]	= settr(0,0,0,0,0,"expired = 0",0,0,0);
	trans[12][9]	= settr(0,0,0,0,0,"owner = 0",0,0,0);
	trans[12][10]	= settr(0,0,0,0,0,"pub = 0",0,0,0);
	trans[12][11]	= settr(0,0,0,0,0,"grace = 0",0,0,0);
	T = trans[12][24] = settr(1535,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1535,2,12,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1535,2,17,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1535,2,22,0,0,"IF", 1, 2, 0);
	trans[12][12]	= settr(1523,2,16,28,28,"(creq)", 1, 2, 0); /* m: 13 -> 16,0 */
	reached12[13] = 1;
	trans[12][13]	= settr(0,0,0,0,0,"st = 6",0,0,0);
	T = trans[ 12][16] = settr(1527,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1527,0,14,0,0,"sub-sequence", 1, 2, 0);
	trans[12][14]	= settr(1525,0,35,29,29,"terms = (terms+1)", 1, 2, 0); /* m: 15 -> 0,35 */
	reached12[15] = 1;
	trans[12][15]	= settr(0,0,0,0,0,"assert((terms<=runs))",0,0,0);
	trans[12][25]	= settr(1536,0,35,30,30,".(goto)", 1, 2, 0); /* m: 30 -> 0,35 */
	reached12[30] = 1;
	trans[12][17]	= settr(1528,2,21,31,31,"((!(creq)&&(att>=2)))", 1, 2, 0); /* m: 18 -> 21,0 */
	reached12[18] = 1;
	trans[12][18]	= settr(0,0,0,0,0,"st = 5",0,0,0);
	T = trans[ 12][21] = settr(1532,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1532,0,19,0,0,"sub-sequence", 1, 2, 0);
	trans[12][19]	= settr(1530,0,35,32,32,"terms = (terms+1)", 1, 2, 0); /* m: 20 -> 0,35 */
	reached12[20] = 1;
	trans[12][20]	= settr(0,0,0,0,0,"assert((terms<=runs))",0,0,0);
	trans[12][22]	= settr(1533,2,23,2,0,"else", 1, 2, 0);
	trans[12][23]	= settr(1534,0,35,33,33,"st = 1", 1, 2, 0); /* m: 25 -> 0,35 */
	reached12[25] = 1;
	trans[12][30]	= settr(1541,0,35,34,34,".(goto)", 1, 2, 0);
	trans[12][27]	= settr(1538,2,28,2,0,"else", 1, 2, 0);
	trans[12][28]	= settr(1539,0,35,35,35,"(1)", 1, 2, 0); /* m: 30 -> 35,0 */
	reached12[30] = 1;
	T = trans[ 12][34] = settr(1545,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1545,2,32,0,0,"ATOMIC", 1, 2, 0);
	trans[12][32]	= settr(1543,0,35,36,36,"(paused[w])", 1, 2, 0); /* m: 33 -> 35,0 */
	reached12[33] = 1;
	trans[12][33]	= settr(0,0,0,0,0,"paused[w] = 0",0,0,0);
	trans[12][37]	= settr(1548,0,38,1,0,"break", 0, 2, 0);
	trans[12][38]	= settr(1549,0,0,37,37,"-end-", 0, 3500, 0);

	/* proctype 11: injector */

	trans[11] = (Trans **) emalloc(247*sizeof(Trans *));

	trans[11][244]	= settr(1509,0,243,1,0,".(goto)", 0, 2, 0);
	T = trans[11][243] = settr(1508,0,0,0,0,"DO", 0, 2, 0);
	T = T->nxt	= settr(1508,0,91,0,0,"DO", 0, 2, 0);
	T = T->nxt	= settr(1508,0,182,0,0,"DO", 0, 2, 0);
	T = T->nxt	= settr(1508,0,186,0,0,"DO", 0, 2, 0);
	T = T->nxt	= settr(1508,0,190,0,0,"DO", 0, 2, 0);
	T = T->nxt	= settr(1508,0,214,0,0,"DO", 0, 2, 0);
	T = T->nxt	= settr(1508,0,238,0,0,"DO", 0, 2, 0);
	    T->nxt	= settr(1508,0,242,0,0,"DO", 0, 2, 0);
	T = trans[ 11][91] = settr(1356,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1356,2,1,0,0,"ATOMIC", 1, 2, 0);
	trans[11][1]	= settr(1266,2,90,38,38,"(((faults<2)&&alive[0]))", 1, 2, 0); /* m: 2 -> 90,0 */
	reached11[2] = 1;
	trans[11][2]	= settr(0,0,0,0,0,"faults = (faults+1)",0,0,0);
	T = trans[ 11][90] = settr(1355,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1355,0,3,0,0,"sub-sequence", 1, 2, 0);
	trans[11][3]	= settr(1268,2,34,39,39,"alive[0] = 0", 1, 2, 0); /* m: 4 -> 0,34 */
	reached11[4] = 1;
	trans[11][4]	= settr(0,0,0,0,0,"paused[0] = 0",0,0,0);
	trans[11][5]	= settr(0,0,0,0,0,"lock[0] = 0",0,0,0);
	trans[11][6]	= settr(0,0,0,0,0,"hb[0] = 0",0,0,0);
	trans[11][7]	= settr(0,0,0,0,0,"fanout[0] = 0",0,0,0);
	T = trans[ 11][34] = settr(1299,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1299,0,32,0,0,"sub-sequence", 1, 2, 0);
	T = trans[11][32] = settr(1297,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1297,2,8,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1297,2,30,0,0,"IF", 1, 2, 0);
	trans[11][8]	= settr(1273,2,13,40,0,"((( ((0<2)) -> (0) : (1) )==0))", 1, 2, 0);
	T = trans[11][13] = settr(1278,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1278,2,9,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1278,2,11,0,0,"IF", 1, 2, 0);
	trans[11][9]	= settr(1274,2,28,41,41,"((edl[0]&&(edg[0]==bgen[0])))", 1, 2, 0); /* m: 10 -> 28,0 */
	reached11[10] = 1;
	trans[11][10]	= settr(0,0,0,0,0,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )",0,0,0);
	trans[11][14]	= settr(1279,2,15,1,0,".(goto)", 1, 2, 0); /* m: 15 -> 0,28 */
	reached11[15] = 1;
	trans[11][11]	= settr(1276,2,12,2,0,"else", 1, 2, 0);
	trans[11][12]	= settr(1277,2,28,42,42,"(1)", 1, 2, 0); /* m: 15 -> 28,0 */
	reached11[15] = 1;
	trans[11][15]	= settr(1280,2,28,43,43,"edl[0] = 0", 1, 2, 0);
	T = trans[ 11][28] = settr(1293,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1293,0,16,0,0,"sub-sequence", 1, 2, 0);
	trans[11][16]	= settr(1281,2,61,44,44,"eact[0] = 0", 1, 2, 0); /* m: 17 -> 0,61 */
	reached11[17] = 1;
	trans[11][17]	= settr(0,0,0,0,0,"estart[0] = 0",0,0,0);
	trans[11][18]	= settr(0,0,0,0,0,"etok[0] = 0",0,0,0);
	trans[11][19]	= settr(0,0,0,0,0,"eatt[0] = 0",0,0,0);
	trans[11][20]	= settr(0,0,0,0,0,"ecid[0] = 0",0,0,0);
	trans[11][21]	= settr(0,0,0,0,0,"eph[0] = 0",0,0,0);
	trans[11][22]	= settr(0,0,0,0,0,"elost[0] = 0",0,0,0);
	trans[11][23]	= settr(0,0,0,0,0,"ecan[0] = 0",0,0,0);
	trans[11][24]	= settr(0,0,0,0,0,"hlive[0] = 0",0,0,0);
	trans[11][25]	= settr(0,0,0,0,0,"eccr[0] = 0",0,0,0);
	trans[11][26]	= settr(0,0,0,0,0,"hbs[0] = 0",0,0,0);
	trans[11][27]	= settr(0,0,0,0,0,"hbt[0] = 0",0,0,0);
	trans[11][29]	= settr(0,0,0,0,0,"ekill[0] = 1",0,0,0);
	trans[11][33]	= settr(1298,2,61,1,0,".(goto)", 1, 2, 0);
	trans[11][30]	= settr(1295,2,31,2,0,"else", 1, 2, 0);
	trans[11][31]	= settr(1296,2,61,1,0,"(1)", 1, 2, 0);
	T = trans[ 11][61] = settr(1326,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1326,0,59,0,0,"sub-sequence", 1, 2, 0);
	T = trans[11][59] = settr(1324,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1324,2,35,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1324,2,57,0,0,"IF", 1, 2, 0);
	trans[11][35]	= settr(1300,2,40,45,0,"((( ((1<2)) -> (0) : (1) )==0))", 1, 2, 0);
	T = trans[11][40] = settr(1305,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1305,2,36,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1305,2,38,0,0,"IF", 1, 2, 0);
	trans[11][36]	= settr(1301,2,55,46,46,"((edl[1]&&(edg[1]==bgen[0])))", 1, 2, 0); /* m: 37 -> 55,0 */
	reached11[37] = 1;
	trans[11][37]	= settr(0,0,0,0,0,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )",0,0,0);
	trans[11][41]	= settr(1306,2,42,1,0,".(goto)", 1, 2, 0); /* m: 42 -> 0,55 */
	reached11[42] = 1;
	trans[11][38]	= settr(1303,2,39,2,0,"else", 1, 2, 0);
	trans[11][39]	= settr(1304,2,55,47,47,"(1)", 1, 2, 0); /* m: 42 -> 55,0 */
	reached11[42] = 1;
	trans[11][42]	= settr(1307,2,55,48,48,"edl[1] = 0", 1, 2, 0);
	T = trans[ 11][55] = settr(1320,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1320,0,43,0,0,"sub-sequence", 1, 2, 0);
	trans[11][43]	= settr(1308,2,88,49,49,"eact[1] = 0", 1, 2, 0); /* m: 44 -> 0,88 */
	reached11[44] = 1;
	trans[11][44]	= settr(0,0,0,0,0,"estart[1] = 0",0,0,0);
	trans[11][45]	= settr(0,0,0,0,0,"etok[1] = 0",0,0,0);
	trans[11][46]	= settr(0,0,0,0,0,"eatt[1] = 0",0,0,0);
	trans[11][47]	= settr(0,0,0,0,0,"ecid[1] = 0",0,0,0);
	trans[11][48]	= settr(0,0,0,0,0,"eph[1] = 0",0,0,0);
	trans[11][49]	= settr(0,0,0,0,0,"elost[1] = 0",0,0,0);
	trans[11][50]	= settr(0,0,0,0,0,"ecan[1] = 0",0,0,0);
	trans[11][51]	= settr(0,0,0,0,0,"hlive[1] = 0",0,0,0);
	trans[11][52]	= settr(0,0,0,0,0,"eccr[1] = 0",0,0,0);
	trans[11][53]	= settr(0,0,0,0,0,"hbs[1] = 0",0,0,0);
	trans[11][54]	= settr(0,0,0,0,0,"hbt[1] = 0",0,0,0);
	trans[11][56]	= settr(0,0,0,0,0,"ekill[1] = 1",0,0,0);
	trans[11][60]	= settr(1325,2,88,1,0,".(goto)", 1, 2, 0);
	trans[11][57]	= settr(1322,2,58,2,0,"else", 1, 2, 0);
	trans[11][58]	= settr(1323,2,88,1,0,"(1)", 1, 2, 0);
	T = trans[ 11][88] = settr(1353,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1353,0,86,0,0,"sub-sequence", 1, 2, 0);
	T = trans[11][86] = settr(1351,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1351,2,62,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1351,2,84,0,0,"IF", 1, 2, 0);
	trans[11][62]	= settr(1327,2,67,50,0,"((( ((2<2)) -> (0) : (1) )==0))", 1, 2, 0);
	T = trans[11][67] = settr(1332,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1332,2,63,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1332,2,65,0,0,"IF", 1, 2, 0);
	trans[11][63]	= settr(1328,2,82,51,51,"((edl[2]&&(edg[2]==bgen[0])))", 1, 2, 0); /* m: 64 -> 82,0 */
	reached11[64] = 1;
	trans[11][64]	= settr(0,0,0,0,0,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )",0,0,0);
	trans[11][68]	= settr(1333,2,69,1,0,".(goto)", 1, 2, 0); /* m: 69 -> 0,82 */
	reached11[69] = 1;
	trans[11][65]	= settr(1330,2,66,2,0,"else", 1, 2, 0);
	trans[11][66]	= settr(1331,2,82,52,52,"(1)", 1, 2, 0); /* m: 69 -> 82,0 */
	reached11[69] = 1;
	trans[11][69]	= settr(1334,2,82,53,53,"edl[2] = 0", 1, 2, 0);
	T = trans[ 11][82] = settr(1347,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1347,0,70,0,0,"sub-sequence", 1, 2, 0);
	trans[11][70]	= settr(1335,0,243,54,54,"eact[2] = 0", 1, 2, 0); /* m: 71 -> 0,243 */
	reached11[71] = 1;
	trans[11][71]	= settr(0,0,0,0,0,"estart[2] = 0",0,0,0);
	trans[11][72]	= settr(0,0,0,0,0,"etok[2] = 0",0,0,0);
	trans[11][73]	= settr(0,0,0,0,0,"eatt[2] = 0",0,0,0);
	trans[11][74]	= settr(0,0,0,0,0,"ecid[2] = 0",0,0,0);
	trans[11][75]	= settr(0,0,0,0,0,"eph[2] = 0",0,0,0);
	trans[11][76]	= settr(0,0,0,0,0,"elost[2] = 0",0,0,0);
	trans[11][77]	= settr(0,0,0,0,0,"ecan[2] = 0",0,0,0);
	trans[11][78]	= settr(0,0,0,0,0,"hlive[2] = 0",0,0,0);
	trans[11][79]	= settr(0,0,0,0,0,"eccr[2] = 0",0,0,0);
	trans[11][80]	= settr(0,0,0,0,0,"hbs[2] = 0",0,0,0);
	trans[11][81]	= settr(0,0,0,0,0,"hbt[2] = 0",0,0,0);
	trans[11][83]	= settr(0,0,0,0,0,"ekill[2] = 1",0,0,0);
	trans[11][87]	= settr(1352,0,243,55,55,".(goto)", 1, 2, 0); /* m: 89 -> 0,243 */
	reached11[89] = 1;
	trans[11][84]	= settr(1349,2,85,2,0,"else", 1, 2, 0);
	trans[11][85]	= settr(1350,0,243,56,56,"(1)", 1, 2, 0); /* m: 87 -> 243,0 */
	reached11[87] = 1;
	trans[11][89]	= settr(0,0,0,0,0,"bgen[0] = (bgen[0]+1)",0,0,0);
	T = trans[ 11][182] = settr(1447,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1447,2,92,0,0,"ATOMIC", 1, 2, 0);
	trans[11][92]	= settr(1357,2,181,57,57,"(((faults<2)&&alive[1]))", 1, 2, 0); /* m: 93 -> 181,0 */
	reached11[93] = 1;
	trans[11][93]	= settr(0,0,0,0,0,"faults = (faults+1)",0,0,0);
	T = trans[ 11][181] = settr(1446,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1446,0,94,0,0,"sub-sequence", 1, 2, 0);
	trans[11][94]	= settr(1359,2,125,58,58,"alive[1] = 0", 1, 2, 0); /* m: 95 -> 0,125 */
	reached11[95] = 1;
	trans[11][95]	= settr(0,0,0,0,0,"paused[1] = 0",0,0,0);
	trans[11][96]	= settr(0,0,0,0,0,"lock[1] = 0",0,0,0);
	trans[11][97]	= settr(0,0,0,0,0,"hb[1] = 0",0,0,0);
	trans[11][98]	= settr(0,0,0,0,0,"fanout[1] = 0",0,0,0);
	T = trans[ 11][125] = settr(1390,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1390,0,123,0,0,"sub-sequence", 1, 2, 0);
	T = trans[11][123] = settr(1388,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1388,2,99,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1388,2,121,0,0,"IF", 1, 2, 0);
	trans[11][99]	= settr(1364,2,104,59,0,"((( ((0<2)) -> (0) : (1) )==1))", 1, 2, 0);
	T = trans[11][104] = settr(1369,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1369,2,100,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1369,2,102,0,0,"IF", 1, 2, 0);
	trans[11][100]	= settr(1365,2,119,60,60,"((edl[0]&&(edg[0]==bgen[1])))", 1, 2, 0); /* m: 101 -> 119,0 */
	reached11[101] = 1;
	trans[11][101]	= settr(0,0,0,0,0,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )",0,0,0);
	trans[11][105]	= settr(1370,2,106,1,0,".(goto)", 1, 2, 0); /* m: 106 -> 0,119 */
	reached11[106] = 1;
	trans[11][102]	= settr(1367,2,103,2,0,"else", 1, 2, 0);
	trans[11][103]	= settr(1368,2,119,61,61,"(1)", 1, 2, 0); /* m: 106 -> 119,0 */
	reached11[106] = 1;
	trans[11][106]	= settr(1371,2,119,62,62,"edl[0] = 0", 1, 2, 0);
	T = trans[ 11][119] = settr(1384,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1384,0,107,0,0,"sub-sequence", 1, 2, 0);
	trans[11][107]	= settr(1372,2,152,63,63,"eact[0] = 0", 1, 2, 0); /* m: 108 -> 0,152 */
	reached11[108] = 1;
	trans[11][108]	= settr(0,0,0,0,0,"estart[0] = 0",0,0,0);
	trans[11][109]	= settr(0,0,0,0,0,"etok[0] = 0",0,0,0);
	trans[11][110]	= settr(0,0,0,0,0,"eatt[0] = 0",0,0,0);
	trans[11][111]	= settr(0,0,0,0,0,"ecid[0] = 0",0,0,0);
	trans[11][112]	= settr(0,0,0,0,0,"eph[0] = 0",0,0,0);
	trans[11][113]	= settr(0,0,0,0,0,"elost[0] = 0",0,0,0);
	trans[11][114]	= settr(0,0,0,0,0,"ecan[0] = 0",0,0,0);
	trans[11][115]	= settr(0,0,0,0,0,"hlive[0] = 0",0,0,0);
	trans[11][116]	= settr(0,0,0,0,0,"eccr[0] = 0",0,0,0);
	trans[11][117]	= settr(0,0,0,0,0,"hbs[0] = 0",0,0,0);
	trans[11][118]	= settr(0,0,0,0,0,"hbt[0] = 0",0,0,0);
	trans[11][120]	= settr(0,0,0,0,0,"ekill[0] = 1",0,0,0);
	trans[11][124]	= settr(1389,2,152,1,0,".(goto)", 1, 2, 0);
	trans[11][121]	= settr(1386,2,122,2,0,"else", 1, 2, 0);
	trans[11][122]	= settr(1387,2,152,1,0,"(1)", 1, 2, 0);
	T = trans[ 11][152] = settr(1417,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1417,0,150,0,0,"sub-sequence", 1, 2, 0);
	T = trans[11][150] = settr(1415,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1415,2,126,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1415,2,148,0,0,"IF", 1, 2, 0);
	trans[11][126]	= settr(1391,2,131,64,0,"((( ((1<2)) -> (0) : (1) )==1))", 1, 2, 0);
	T = trans[11][131] = settr(1396,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1396,2,127,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1396,2,129,0,0,"IF", 1, 2, 0);
	trans[11][127]	= settr(1392,2,146,65,65,"((edl[1]&&(edg[1]==bgen[1])))", 1, 2, 0); /* m: 128 -> 146,0 */
	reached11[128] = 1;
	trans[11][128]	= settr(0,0,0,0,0,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )",0,0,0);
	trans[11][132]	= settr(1397,2,133,1,0,".(goto)", 1, 2, 0); /* m: 133 -> 0,146 */
	reached11[133] = 1;
	trans[11][129]	= settr(1394,2,130,2,0,"else", 1, 2, 0);
	trans[11][130]	= settr(1395,2,146,66,66,"(1)", 1, 2, 0); /* m: 133 -> 146,0 */
	reached11[133] = 1;
	trans[11][133]	= settr(1398,2,146,67,67,"edl[1] = 0", 1, 2, 0);
	T = trans[ 11][146] = settr(1411,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1411,0,134,0,0,"sub-sequence", 1, 2, 0);
	trans[11][134]	= settr(1399,2,179,68,68,"eact[1] = 0", 1, 2, 0); /* m: 135 -> 0,179 */
	reached11[135] = 1;
	trans[11][135]	= settr(0,0,0,0,0,"estart[1] = 0",0,0,0);
	trans[11][136]	= settr(0,0,0,0,0,"etok[1] = 0",0,0,0);
	trans[11][137]	= settr(0,0,0,0,0,"eatt[1] = 0",0,0,0);
	trans[11][138]	= settr(0,0,0,0,0,"ecid[1] = 0",0,0,0);
	trans[11][139]	= settr(0,0,0,0,0,"eph[1] = 0",0,0,0);
	trans[11][140]	= settr(0,0,0,0,0,"elost[1] = 0",0,0,0);
	trans[11][141]	= settr(0,0,0,0,0,"ecan[1] = 0",0,0,0);
	trans[11][142]	= settr(0,0,0,0,0,"hlive[1] = 0",0,0,0);
	trans[11][143]	= settr(0,0,0,0,0,"eccr[1] = 0",0,0,0);
	trans[11][144]	= settr(0,0,0,0,0,"hbs[1] = 0",0,0,0);
	trans[11][145]	= settr(0,0,0,0,0,"hbt[1] = 0",0,0,0);
	trans[11][147]	= settr(0,0,0,0,0,"ekill[1] = 1",0,0,0);
	trans[11][151]	= settr(1416,2,179,1,0,".(goto)", 1, 2, 0);
	trans[11][148]	= settr(1413,2,149,2,0,"else", 1, 2, 0);
	trans[11][149]	= settr(1414,2,179,1,0,"(1)", 1, 2, 0);
	T = trans[ 11][179] = settr(1444,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1444,0,177,0,0,"sub-sequence", 1, 2, 0);
	T = trans[11][177] = settr(1442,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1442,2,153,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1442,2,175,0,0,"IF", 1, 2, 0);
	trans[11][153]	= settr(1418,2,158,69,0,"((( ((2<2)) -> (0) : (1) )==1))", 1, 2, 0);
	T = trans[11][158] = settr(1423,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1423,2,154,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1423,2,156,0,0,"IF", 1, 2, 0);
	trans[11][154]	= settr(1419,2,173,70,70,"((edl[2]&&(edg[2]==bgen[1])))", 1, 2, 0); /* m: 155 -> 173,0 */
	reached11[155] = 1;
	trans[11][155]	= settr(0,0,0,0,0,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )",0,0,0);
	trans[11][159]	= settr(1424,2,160,1,0,".(goto)", 1, 2, 0); /* m: 160 -> 0,173 */
	reached11[160] = 1;
	trans[11][156]	= settr(1421,2,157,2,0,"else", 1, 2, 0);
	trans[11][157]	= settr(1422,2,173,71,71,"(1)", 1, 2, 0); /* m: 160 -> 173,0 */
	reached11[160] = 1;
	trans[11][160]	= settr(1425,2,173,72,72,"edl[2] = 0", 1, 2, 0);
	T = trans[ 11][173] = settr(1438,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1438,0,161,0,0,"sub-sequence", 1, 2, 0);
	trans[11][161]	= settr(1426,0,243,73,73,"eact[2] = 0", 1, 2, 0); /* m: 162 -> 0,243 */
	reached11[162] = 1;
	trans[11][162]	= settr(0,0,0,0,0,"estart[2] = 0",0,0,0);
	trans[11][163]	= settr(0,0,0,0,0,"etok[2] = 0",0,0,0);
	trans[11][164]	= settr(0,0,0,0,0,"eatt[2] = 0",0,0,0);
	trans[11][165]	= settr(0,0,0,0,0,"ecid[2] = 0",0,0,0);
	trans[11][166]	= settr(0,0,0,0,0,"eph[2] = 0",0,0,0);
	trans[11][167]	= settr(0,0,0,0,0,"elost[2] = 0",0,0,0);
	trans[11][168]	= settr(0,0,0,0,0,"ecan[2] = 0",0,0,0);
	trans[11][169]	= settr(0,0,0,0,0,"hlive[2] = 0",0,0,0);
	trans[11][170]	= settr(0,0,0,0,0,"eccr[2] = 0",0,0,0);
	trans[11][171]	= settr(0,0,0,0,0,"hbs[2] = 0",0,0,0);
	trans[11][172]	= settr(0,0,0,0,0,"hbt[2] = 0",0,0,0);
	trans[11][174]	= settr(0,0,0,0,0,"ekill[2] = 1",0,0,0);
	trans[11][178]	= settr(1443,0,243,74,74,".(goto)", 1, 2, 0); /* m: 180 -> 0,243 */
	reached11[180] = 1;
	trans[11][175]	= settr(1440,2,176,2,0,"else", 1, 2, 0);
	trans[11][176]	= settr(1441,0,243,75,75,"(1)", 1, 2, 0); /* m: 178 -> 243,0 */
	reached11[178] = 1;
	trans[11][180]	= settr(0,0,0,0,0,"bgen[1] = (bgen[1]+1)",0,0,0);
	T = trans[ 11][186] = settr(1451,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1451,2,183,0,0,"ATOMIC", 1, 2, 0);
	trans[11][183]	= settr(1448,0,243,76,76,"((((faults<2)&&alive[0])&&!(paused[0])))", 1, 2, 0); /* m: 184 -> 243,0 */
	reached11[184] = 1;
	trans[11][184]	= settr(0,0,0,0,0,"faults = (faults+1)",0,0,0);
	trans[11][185]	= settr(0,0,0,0,0,"paused[0] = 1",0,0,0);
	T = trans[ 11][190] = settr(1455,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1455,2,187,0,0,"ATOMIC", 1, 2, 0);
	trans[11][187]	= settr(1452,0,243,77,77,"((((faults<2)&&alive[1])&&!(paused[1])))", 1, 2, 0); /* m: 188 -> 243,0 */
	reached11[188] = 1;
	trans[11][188]	= settr(0,0,0,0,0,"faults = (faults+1)",0,0,0);
	trans[11][189]	= settr(0,0,0,0,0,"paused[1] = 1",0,0,0);
	T = trans[ 11][214] = settr(1479,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1479,2,191,0,0,"ATOMIC", 1, 2, 0);
	trans[11][191]	= settr(1456,2,213,78,78,"(((faults<2)&&alive[0]))", 1, 2, 0); /* m: 192 -> 213,0 */
	reached11[192] = 1;
	trans[11][192]	= settr(0,0,0,0,0,"faults = (faults+1)",0,0,0);
	T = trans[ 11][213] = settr(1478,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1478,0,197,0,0,"sub-sequence", 1, 2, 0);
	T = trans[11][197] = settr(1462,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1462,2,193,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1462,2,195,0,0,"IF", 1, 2, 0);
	trans[11][193]	= settr(1458,2,203,79,79,"((((( ((0<2)) -> (0) : (1) )==0)&&edl[0])&&(edg[0]==bgen[0])))", 1, 2, 0); /* m: 194 -> 203,0 */
	reached11[194] = 1;
	trans[11][194]	= settr(0,0,0,0,0,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )",0,0,0);
	trans[11][198]	= settr(1463,2,203,1,0,".(goto)", 1, 2, 0);
	trans[11][195]	= settr(1460,2,196,2,0,"else", 1, 2, 0);
	trans[11][196]	= settr(1461,2,203,1,0,"(1)", 1, 2, 0);
	T = trans[11][203] = settr(1468,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1468,2,199,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1468,2,201,0,0,"IF", 1, 2, 0);
	trans[11][199]	= settr(1464,2,209,80,80,"((((( ((1<2)) -> (0) : (1) )==0)&&edl[1])&&(edg[1]==bgen[0])))", 1, 2, 0); /* m: 200 -> 209,0 */
	reached11[200] = 1;
	trans[11][200]	= settr(0,0,0,0,0,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )",0,0,0);
	trans[11][204]	= settr(1469,2,209,1,0,".(goto)", 1, 2, 0);
	trans[11][201]	= settr(1466,2,202,2,0,"else", 1, 2, 0);
	trans[11][202]	= settr(1467,2,209,1,0,"(1)", 1, 2, 0);
	T = trans[11][209] = settr(1474,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1474,2,205,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1474,2,207,0,0,"IF", 1, 2, 0);
	trans[11][205]	= settr(1470,0,243,81,81,"((((( ((2<2)) -> (0) : (1) )==0)&&edl[2])&&(edg[2]==bgen[0])))", 1, 2, 0); /* m: 206 -> 243,0 */
	reached11[206] = 1;
	trans[11][206]	= settr(0,0,0,0,0,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )",0,0,0);
	trans[11][210]	= settr(1475,2,211,1,0,".(goto)", 1, 2, 0); /* m: 211 -> 0,243 */
	reached11[211] = 1;
	trans[11][207]	= settr(1472,2,208,2,0,"else", 1, 2, 0);
	trans[11][208]	= settr(1473,0,243,82,82,"(1)", 1, 2, 0); /* m: 211 -> 243,0 */
	reached11[211] = 1;
	trans[11][211]	= settr(1476,0,243,83,83,"bgen[0] = (bgen[0]+1)", 1, 2, 0); /* m: 212 -> 0,243 */
	reached11[212] = 1;
	trans[11][212]	= settr(0,0,0,0,0,"fanout[0] = 0",0,0,0);
	T = trans[ 11][238] = settr(1503,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1503,2,215,0,0,"ATOMIC", 1, 2, 0);
	trans[11][215]	= settr(1480,2,237,84,84,"(((faults<2)&&alive[1]))", 1, 2, 0); /* m: 216 -> 237,0 */
	reached11[216] = 1;
	trans[11][216]	= settr(0,0,0,0,0,"faults = (faults+1)",0,0,0);
	T = trans[ 11][237] = settr(1502,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1502,0,221,0,0,"sub-sequence", 1, 2, 0);
	T = trans[11][221] = settr(1486,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1486,2,217,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1486,2,219,0,0,"IF", 1, 2, 0);
	trans[11][217]	= settr(1482,2,227,85,85,"((((( ((0<2)) -> (0) : (1) )==1)&&edl[0])&&(edg[0]==bgen[1])))", 1, 2, 0); /* m: 218 -> 227,0 */
	reached11[218] = 1;
	trans[11][218]	= settr(0,0,0,0,0,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )",0,0,0);
	trans[11][222]	= settr(1487,2,227,1,0,".(goto)", 1, 2, 0);
	trans[11][219]	= settr(1484,2,220,2,0,"else", 1, 2, 0);
	trans[11][220]	= settr(1485,2,227,1,0,"(1)", 1, 2, 0);
	T = trans[11][227] = settr(1492,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1492,2,223,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1492,2,225,0,0,"IF", 1, 2, 0);
	trans[11][223]	= settr(1488,2,233,86,86,"((((( ((1<2)) -> (0) : (1) )==1)&&edl[1])&&(edg[1]==bgen[1])))", 1, 2, 0); /* m: 224 -> 233,0 */
	reached11[224] = 1;
	trans[11][224]	= settr(0,0,0,0,0,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )",0,0,0);
	trans[11][228]	= settr(1493,2,233,1,0,".(goto)", 1, 2, 0);
	trans[11][225]	= settr(1490,2,226,2,0,"else", 1, 2, 0);
	trans[11][226]	= settr(1491,2,233,1,0,"(1)", 1, 2, 0);
	T = trans[11][233] = settr(1498,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1498,2,229,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1498,2,231,0,0,"IF", 1, 2, 0);
	trans[11][229]	= settr(1494,0,243,87,87,"((((( ((2<2)) -> (0) : (1) )==1)&&edl[2])&&(edg[2]==bgen[1])))", 1, 2, 0); /* m: 230 -> 243,0 */
	reached11[230] = 1;
	trans[11][230]	= settr(0,0,0,0,0,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )",0,0,0);
	trans[11][234]	= settr(1499,2,235,1,0,".(goto)", 1, 2, 0); /* m: 235 -> 0,243 */
	reached11[235] = 1;
	trans[11][231]	= settr(1496,2,232,2,0,"else", 1, 2, 0);
	trans[11][232]	= settr(1497,0,243,88,88,"(1)", 1, 2, 0); /* m: 235 -> 243,0 */
	reached11[235] = 1;
	trans[11][235]	= settr(1500,0,243,89,89,"bgen[1] = (bgen[1]+1)", 1, 2, 0); /* m: 236 -> 0,243 */
	reached11[236] = 1;
	trans[11][236]	= settr(0,0,0,0,0,"fanout[1] = 0",0,0,0);
	T = trans[ 11][242] = settr(1507,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1507,2,239,0,0,"ATOMIC", 1, 2, 0);
	trans[11][239]	= settr(1504,0,243,90,90,"(((faults<2)&&(ready>0)))", 1, 2, 0); /* m: 240 -> 243,0 */
	reached11[240] = 1;
	trans[11][240]	= settr(0,0,0,0,0,"faults = (faults+1)",0,0,0);
	trans[11][241]	= settr(0,0,0,0,0,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )",0,0,0);
	trans[11][245]	= settr(1510,0,246,1,0,"break", 0, 2, 0);
	trans[11][246]	= settr(1511,0,0,91,91,"-end-", 0, 3500, 0);

	/* proctype 10: cli */

	trans[10] = (Trans **) emalloc(64*sizeof(Trans *));

	trans[10][61]	= settr(1263,0,60,1,0,".(goto)", 0, 2, 0);
	T = trans[10][60] = settr(1262,0,0,0,0,"DO", 0, 2, 0);
	T = T->nxt	= settr(1262,0,17,0,0,"DO", 0, 2, 0);
	    T->nxt	= settr(1262,0,32,0,0,"DO", 0, 2, 0);
	T = trans[ 10][17] = settr(1219,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1219,2,1,0,0,"ATOMIC", 1, 2, 0);
	trans[10][1]	= settr(1203,2,13,92,92,"((!(cancelled)&&(st!=0)))", 1, 2, 0); /* m: 2 -> 13,0 */
	reached10[2] = 1;
	trans[10][2]	= settr(0,0,0,0,0,"cancelled = 1",0,0,0);
	T = trans[10][13] = settr(1215,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1215,2,3,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1215,2,9,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1215,2,11,0,0,"IF", 1, 2, 0);
	trans[10][3]	= settr(1205,2,7,93,93,"(((st==1)||(st==2)))", 1, 2, 0); /* m: 4 -> 7,0 */
	reached10[4] = 1;
	trans[10][4]	= settr(0,0,0,0,0,"st = 6",0,0,0);
	T = trans[ 10][7] = settr(1209,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1209,0,5,0,0,"sub-sequence", 1, 2, 0);
	trans[10][5]	= settr(1207,0,60,94,94,"terms = (terms+1)", 1, 2, 0); /* m: 6 -> 0,60 */
	reached10[6] = 1;
	trans[10][6]	= settr(0,0,0,0,0,"assert((terms<=runs))",0,0,0);
	trans[10][8]	= settr(0,0,0,0,0,"creq = 1",0,0,0);
	trans[10][14]	= settr(1216,2,15,1,0,".(goto)", 1, 2, 0); /* m: 15 -> 0,60 */
	reached10[15] = 1;
	trans[10][9]	= settr(1211,0,60,95,95,"((st==3))", 1, 2, 0); /* m: 10 -> 60,0 */
	reached10[10] = 1;
	trans[10][10]	= settr(0,0,0,0,0,"creq = 1",0,0,0);
	trans[10][11]	= settr(1213,2,12,2,0,"else", 1, 2, 0);
	trans[10][12]	= settr(1214,0,60,96,96,"(1)", 1, 2, 0); /* m: 15 -> 60,0 */
	reached10[15] = 1;
	trans[10][15]	= settr(1217,0,60,97,97,"fanout[0] = alive[0]", 1, 2, 0); /* m: 16 -> 0,60 */
	reached10[16] = 1;
	trans[10][16]	= settr(0,0,0,0,0,"fanout[1] = alive[1]",0,0,0);
	T = trans[ 10][32] = settr(1234,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1234,2,18,0,0,"ATOMIC", 1, 2, 0);
	trans[10][18]	= settr(1220,2,24,98,98,"((!(retried)&&((st==5)||(st==6))))", 1, 2, 0); /* m: 19 -> 24,0 */
	reached10[19] = 1;
	trans[10][19]	= settr(0,0,0,0,0,"retried = 1",0,0,0);
	trans[10][20]	= settr(0,0,0,0,0,"st = 1",0,0,0);
	trans[10][21]	= settr(0,0,0,0,0,"att = 0",0,0,0);
	T = trans[ 10][24] = settr(1226,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1226,0,22,0,0,"sub-sequence", 1, 2, 0);
	trans[10][22]	= settr(1224,4,45,99,99,"tok = (tok+1)", 1, 2, 0); /* m: 23 -> 0,45 */
	reached10[23] = 1;
	trans[10][23]	= settr(0,0,0,0,0,"assert((tok<250))",0,0,0);
	trans[10][25]	= settr(0,0,0,0,0,"creq = 0",0,0,0);
	trans[10][26]	= settr(0,0,0,0,0,"pub = 0",0,0,0);
	trans[10][27]	= settr(0,0,0,0,0,"grace = 1",0,0,0);
	trans[10][28]	= settr(0,0,0,0,0,"owner = 0",0,0,0);
	trans[10][29]	= settr(0,0,0,0,0,"expired = 0",0,0,0);
	trans[10][30]	= settr(0,0,0,0,0,"runs = (runs+1)",0,0,0);
	trans[10][31]	= settr(0,0,0,0,0,"rt = tok",0,0,0);
	T = trans[ 10][45] = settr(1247,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(1247,0,44,0,0,"sub-sequence", 0, 2, 0);
	T = trans[ 10][44] = settr(1246,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1246,2,42,0,0,"ATOMIC", 1, 2, 0);
	T = trans[10][42] = settr(1244,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1244,2,33,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1244,2,35,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1244,2,39,0,0,"IF", 1, 2, 0);
	trans[10][33]	= settr(1235,4,56,100,100,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )", 1, 2, 0); /* m: 34 -> 0,56 */
	reached10[34] = 1;
	trans[10][34]	= settr(0,0,0,0,0,"conf = 1",0,0,0);
	trans[10][43]	= settr(1245,0,56,101,101,".(goto)", 1, 2, 0);
	trans[10][35]	= settr(1237,4,56,102,102,"((faults<2))", 1, 2, 0); /* m: 36 -> 56,0 */
	reached10[36] = 1;
	trans[10][36]	= settr(0,0,0,0,0,"faults = (faults+1)",0,0,0);
	trans[10][37]	= settr(0,0,0,0,0,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )",0,0,0);
	trans[10][38]	= settr(0,0,0,0,0,"conf = 0",0,0,0);
	trans[10][39]	= settr(1241,4,56,103,103,"((faults<2))", 1, 2, 0); /* m: 40 -> 56,0 */
	reached10[40] = 1;
	trans[10][40]	= settr(0,0,0,0,0,"faults = (faults+1)",0,0,0);
	trans[10][41]	= settr(0,0,0,0,0,"conf = 0",0,0,0);
	T = trans[10][56] = settr(1258,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(1258,0,46,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(1258,0,54,0,0,"IF", 0, 2, 0);
	trans[10][46]	= settr(1248,0,53,104,104,"(conf)", 0, 2, 0);
	T = trans[ 10][53] = settr(1255,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1255,2,51,0,0,"ATOMIC", 1, 2, 0);
	T = trans[10][51] = settr(1253,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1253,2,47,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1253,2,49,0,0,"IF", 1, 2, 0);
	trans[10][47]	= settr(1249,0,60,105,105,"(((((st==1)&&!(pub))&&grace)&&(tok==rt)))", 1, 2, 0); /* m: 48 -> 60,0 */
	reached10[48] = 1;
	trans[10][48]	= settr(0,0,0,0,0,"pub = 1",0,0,0);
	trans[10][52]	= settr(1254,0,60,106,106,".(goto)", 1, 2, 0); /* m: 58 -> 0,60 */
	reached10[58] = 1;
	trans[10][49]	= settr(1251,2,50,2,0,"else", 1, 2, 0);
	trans[10][50]	= settr(1252,0,60,107,107,"(1)", 1, 2, 0); /* m: 52 -> 60,0 */
	reached10[52] = 1;
	trans[10][57]	= settr(1259,0,58,1,0,".(goto)", 0, 2, 0); /* m: 58 -> 0,60 */
	reached10[58] = 1;
	trans[10][54]	= settr(1256,0,55,2,0,"else", 0, 2, 0);
	trans[10][55]	= settr(1257,0,60,108,108,"(1)", 0, 2, 0); /* m: 58 -> 60,0 */
	reached10[58] = 1;
	trans[10][58]	= settr(1260,0,60,109,109,"rt = 0", 0, 2, 0); /* m: 59 -> 0,60 */
	reached10[59] = 1;
	trans[10][59]	= settr(0,0,0,0,0,"conf = 0",0,0,0);
	trans[10][62]	= settr(1264,0,63,1,0,"break", 0, 2, 0);
	trans[10][63]	= settr(1265,0,0,110,110,"-end-", 0, 3500, 0);

	/* proctype 9: submitter */

	trans[9] = (Trans **) emalloc(38*sizeof(Trans *));

	T = trans[ 9][4] = settr(1169,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1169,2,1,0,0,"ATOMIC", 1, 2, 0);
	trans[9][1]	= settr(1166,4,35,111,111,"st = 1", 1, 2, 0); /* m: 2 -> 0,35 */
	reached9[2] = 1;
	trans[9][2]	= settr(0,0,0,0,0,"tok = 1",0,0,0);
	trans[9][3]	= settr(0,0,0,0,0,"grace = 1",0,0,0);
	T = trans[9][35] = settr(1200,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(1200,0,7,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(1200,0,8,0,0,"IF", 0, 2, 0);
	T = trans[ 9][7] = settr(1172,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1172,2,5,0,0,"ATOMIC", 1, 2, 0);
	trans[9][5]	= settr(1170,0,37,112,112,"((faults<2))", 1, 2, 0); /* m: 6 -> 37,0 */
	reached9[6] = 1;
	trans[9][6]	= settr(0,0,0,0,0,"faults = (faults+1)",0,0,0);
	trans[9][36]	= settr(1201,0,37,1,0,".(goto)", 0, 2, 0);
	trans[9][8]	= settr(1173,0,21,1,0,"(1)", 0, 2, 0);
	T = trans[9][21] = settr(1186,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(1186,0,11,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(1186,0,16,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(1186,0,20,0,0,"IF", 0, 2, 0);
	T = trans[ 9][11] = settr(1176,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1176,2,9,0,0,"ATOMIC", 1, 2, 0);
	trans[9][9]	= settr(1174,0,33,113,113,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )", 1, 2, 0); /* m: 10 -> 0,33 */
	reached9[10] = 1;
	trans[9][10]	= settr(0,0,0,0,0,"conf = 1",0,0,0);
	trans[9][22]	= settr(1187,0,33,1,0,".(goto)", 0, 2, 0);
	T = trans[ 9][16] = settr(1181,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1181,2,12,0,0,"ATOMIC", 1, 2, 0);
	trans[9][12]	= settr(1177,0,33,114,114,"((faults<2))", 1, 2, 0); /* m: 13 -> 33,0 */
	reached9[13] = 1;
	trans[9][13]	= settr(0,0,0,0,0,"faults = (faults+1)",0,0,0);
	trans[9][14]	= settr(0,0,0,0,0,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )",0,0,0);
	trans[9][15]	= settr(0,0,0,0,0,"conf = 0",0,0,0);
	T = trans[ 9][20] = settr(1185,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1185,2,17,0,0,"ATOMIC", 1, 2, 0);
	trans[9][17]	= settr(1182,0,33,115,115,"((faults<2))", 1, 2, 0); /* m: 18 -> 33,0 */
	reached9[18] = 1;
	trans[9][18]	= settr(0,0,0,0,0,"faults = (faults+1)",0,0,0);
	trans[9][19]	= settr(0,0,0,0,0,"conf = 0",0,0,0);
	T = trans[9][33] = settr(1198,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(1198,0,23,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(1198,0,31,0,0,"IF", 0, 2, 0);
	trans[9][23]	= settr(1188,0,30,116,116,"(conf)", 0, 2, 0);
	T = trans[ 9][30] = settr(1195,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1195,2,28,0,0,"ATOMIC", 1, 2, 0);
	T = trans[9][28] = settr(1193,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1193,2,24,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1193,2,26,0,0,"IF", 1, 2, 0);
	trans[9][24]	= settr(1189,0,37,117,117,"(((((st==1)&&!(pub))&&grace)&&(tok==1)))", 1, 2, 0); /* m: 25 -> 37,0 */
	reached9[25] = 1;
	trans[9][25]	= settr(0,0,0,0,0,"pub = 1",0,0,0);
	trans[9][29]	= settr(1194,0,37,118,118,".(goto)", 1, 2, 0);
	trans[9][26]	= settr(1191,2,27,2,0,"else", 1, 2, 0);
	trans[9][27]	= settr(1192,0,37,119,119,"(1)", 1, 2, 0); /* m: 29 -> 37,0 */
	reached9[29] = 1;
	trans[9][34]	= settr(1199,0,37,1,0,".(goto)", 0, 2, 0);
	trans[9][31]	= settr(1196,0,32,2,0,"else", 0, 2, 0);
	trans[9][32]	= settr(1197,0,37,1,0,"(1)", 0, 2, 0);
	trans[9][37]	= settr(1202,0,0,120,120,"-end-", 0, 3500, 0);

	/* proctype 8: relay */

	trans[8] = (Trans **) emalloc(72*sizeof(Trans *));

	trans[8][69]	= settr(1163,0,68,1,0,".(goto)", 0, 2, 0);
	T = trans[8][68] = settr(1162,0,0,0,0,"DO", 0, 2, 0);
	T = T->nxt	= settr(1162,0,8,0,0,"DO", 0, 2, 0);
	    T->nxt	= settr(1162,0,67,0,0,"DO", 0, 2, 0);
	T = trans[ 8][8] = settr(1102,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1102,2,1,0,0,"ATOMIC", 1, 2, 0);
	trans[8][1]	= settr(1095,2,5,121,121,"((((((alive[w]&&!(paused[w]))&&((st==1)||(st==2)))&&!(pub))&&!(grace))&&due))", 1, 2, 0); /* m: 2 -> 5,0 */
	reached8[2] = 1;
	trans[8][2]	= settr(0,0,0,0,0,"st = 1",0,0,0);
	T = trans[ 8][5] = settr(1099,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1099,0,3,0,0,"sub-sequence", 1, 2, 0);
	trans[8][3]	= settr(1097,4,22,122,122,"tok = (tok+1)", 1, 2, 0); /* m: 4 -> 0,22 */
	reached8[4] = 1;
	trans[8][4]	= settr(0,0,0,0,0,"assert((tok<250))",0,0,0);
	trans[8][6]	= settr(0,0,0,0,0,"grace = 1",0,0,0);
	trans[8][7]	= settr(0,0,0,0,0,"rt = tok",0,0,0);
	T = trans[ 8][22] = settr(1116,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(1116,0,21,0,0,"sub-sequence", 0, 2, 0);
	T = trans[ 8][21] = settr(1115,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1115,2,9,0,0,"ATOMIC", 1, 2, 0);
	trans[8][9]	= settr(1103,2,19,123,0,"((alive[w]&&!(paused[w])))", 1, 2, 0);
	trans[8][9]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	trans[8][38]	= settr(1132,0,43,124,0,"(!(alive[w]))", 1, 2, 0);
	trans[8][40]	= settr(1134,0,43,1,0,".(goto)", 0, 2, 0);
	/* end-escapes */
	T = trans[8][19] = settr(1113,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1113,2,10,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1113,2,12,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1113,2,16,0,0,"IF", 1, 2, 0);
	trans[8][10]	= settr(1104,2,11,125,125,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )", 1, 2, 0);
	trans[8][10]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	/* end-escapes */
	trans[8][11]	= settr(1105,2,20,126,126,"conf = 1", 1, 2, 0);
	trans[8][11]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	/* end-escapes */
	trans[8][20]	= settr(1114,0,34,1,0,".(goto)", 1, 2, 0);
	trans[8][12]	= settr(1106,2,13,127,0,"((faults<2))", 1, 2, 0);
	trans[8][12]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	/* end-escapes */
	trans[8][13]	= settr(1107,2,14,128,128,"faults = (faults+1)", 1, 2, 0);
	trans[8][13]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	/* end-escapes */
	trans[8][14]	= settr(1108,2,15,129,129,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )", 1, 2, 0);
	trans[8][14]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	/* end-escapes */
	trans[8][15]	= settr(1109,2,20,130,130,"conf = 0", 1, 2, 0);
	trans[8][15]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	/* end-escapes */
	trans[8][16]	= settr(1110,2,17,131,0,"((faults<2))", 1, 2, 0);
	trans[8][16]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	/* end-escapes */
	trans[8][17]	= settr(1111,2,18,132,132,"faults = (faults+1)", 1, 2, 0);
	trans[8][17]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	/* end-escapes */
	trans[8][18]	= settr(1112,2,20,133,133,"conf = 0", 1, 2, 0);
	trans[8][18]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	/* end-escapes */
	T = trans[8][34] = settr(1128,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(1128,0,23,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(1128,0,32,0,0,"IF", 0, 2, 0);
	trans[8][23]	= settr(1117,0,31,134,134,"(conf)", 0, 2, 0);
	trans[8][23]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	/* end-escapes */
	T = trans[ 8][31] = settr(1125,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1125,2,24,0,0,"ATOMIC", 1, 2, 0);
	trans[8][24]	= settr(1118,2,29,135,0,"((alive[w]&&!(paused[w])))", 1, 2, 0);
	trans[8][24]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	/* end-escapes */
	T = trans[8][29] = settr(1123,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1123,2,25,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1123,2,27,0,0,"IF", 1, 2, 0);
	trans[8][25]	= settr(1119,2,26,136,136,"((((st==1)&&!(pub))&&(tok==rt)))", 1, 2, 0);
	trans[8][25]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	/* end-escapes */
	trans[8][26]	= settr(1120,2,30,137,137,"pub = 1", 1, 2, 0);
	trans[8][26]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	/* end-escapes */
	trans[8][30]	= settr(1124,0,36,1,0,".(goto)", 1, 2, 0);
	trans[8][27]	= settr(1121,2,28,2,0,"else", 1, 2, 0);
	trans[8][27]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	/* end-escapes */
	trans[8][28]	= settr(1122,2,30,1,0,"(1)", 1, 2, 0);
	trans[8][28]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	/* end-escapes */
	trans[8][35]	= settr(1129,0,36,1,0,".(goto)", 0, 2, 0);
	trans[8][32]	= settr(1126,0,33,2,0,"else", 0, 2, 0);
	trans[8][32]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	/* end-escapes */
	trans[8][33]	= settr(1127,0,36,1,0,"(1)", 0, 2, 0);
	trans[8][33]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	/* end-escapes */
	trans[8][36]	= settr(1130,0,37,138,138,"rt = 0", 0, 2, 0);
	trans[8][36]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	/* end-escapes */
	trans[8][37]	= settr(1131,0,43,139,139,"conf = 0", 0, 2, 0);
	trans[8][37]->escp[0] = 38;
	reached8[38] = 1;
	/* escape #0: 38 */
	/* end-escapes */
	T = trans[ 8][43] = settr(1137,2,0,0,0,"ATOMIC", 0, 2, 0);
	T->nxt	= settr(1137,2,41,0,0,"ATOMIC", 0, 2, 0);
	trans[8][41]	= settr(1135,0,68,140,140,"rt = 0", 0, 2, 0); /* m: 42 -> 0,68 */
	reached8[42] = 1;
	trans[8][42]	= settr(0,0,0,0,0,"conf = 0",0,0,0);
	T = trans[ 8][67] = settr(1161,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1161,2,44,0,0,"ATOMIC", 1, 2, 0);
	trans[8][44]	= settr(1138,2,66,141,0,"((((alive[w]&&!(paused[w]))&&(st==3))&&expired))", 1, 2, 0);
	T = trans[ 8][66] = settr(1160,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1160,0,47,0,0,"sub-sequence", 1, 2, 0);
	T = trans[ 8][47] = settr(1141,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1141,0,45,0,0,"sub-sequence", 1, 2, 0);
	trans[8][45]	= settr(1139,2,64,142,142,"tok = (tok+1)", 1, 2, 0); /* m: 46 -> 0,64 */
	reached8[46] = 1;
	trans[8][46]	= settr(0,0,0,0,0,"assert((tok<250))",0,0,0);
	trans[8][48]	= settr(0,0,0,0,0,"expired = 0",0,0,0);
	trans[8][49]	= settr(0,0,0,0,0,"owner = 0",0,0,0);
	trans[8][50]	= settr(0,0,0,0,0,"pub = 0",0,0,0);
	trans[8][51]	= settr(0,0,0,0,0,"grace = 0",0,0,0);
	T = trans[8][64] = settr(1158,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1158,2,52,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1158,2,57,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1158,2,62,0,0,"IF", 1, 2, 0);
	trans[8][52]	= settr(1146,2,56,143,143,"(creq)", 1, 2, 0); /* m: 53 -> 56,0 */
	reached8[53] = 1;
	trans[8][53]	= settr(0,0,0,0,0,"st = 6",0,0,0);
	T = trans[ 8][56] = settr(1150,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1150,0,54,0,0,"sub-sequence", 1, 2, 0);
	trans[8][54]	= settr(1148,0,68,144,144,"terms = (terms+1)", 1, 2, 0); /* m: 55 -> 0,68 */
	reached8[55] = 1;
	trans[8][55]	= settr(0,0,0,0,0,"assert((terms<=runs))",0,0,0);
	trans[8][65]	= settr(1159,0,68,145,145,".(goto)", 1, 2, 0);
	trans[8][57]	= settr(1151,2,61,146,146,"((!(creq)&&(att>=2)))", 1, 2, 0); /* m: 58 -> 61,0 */
	reached8[58] = 1;
	trans[8][58]	= settr(0,0,0,0,0,"st = 5",0,0,0);
	T = trans[ 8][61] = settr(1155,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1155,0,59,0,0,"sub-sequence", 1, 2, 0);
	trans[8][59]	= settr(1153,0,68,147,147,"terms = (terms+1)", 1, 2, 0); /* m: 60 -> 0,68 */
	reached8[60] = 1;
	trans[8][60]	= settr(0,0,0,0,0,"assert((terms<=runs))",0,0,0);
	trans[8][62]	= settr(1156,2,63,2,0,"else", 1, 2, 0);
	trans[8][63]	= settr(1157,0,68,148,148,"st = 1", 1, 2, 0); /* m: 65 -> 0,68 */
	reached8[65] = 1;
	trans[8][70]	= settr(1164,0,71,1,0,"break", 0, 2, 0);
	trans[8][71]	= settr(1165,0,0,149,149,"-end-", 0, 3500, 0);

	/* proctype 7: due_clock */

	trans[7] = (Trans **) emalloc(8*sizeof(Trans *));

	trans[7][5]	= settr(1092,0,4,1,0,".(goto)", 0, 2, 0);
	T = trans[7][4] = settr(1091,0,0,0,0,"DO", 0, 2, 0);
	    T->nxt	= settr(1091,0,3,0,0,"DO", 0, 2, 0);
	T = trans[ 7][3] = settr(1090,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1090,2,1,0,0,"ATOMIC", 1, 2, 0);
	trans[7][1]	= settr(1088,0,4,150,150,"(!(due))", 1, 2, 0); /* m: 2 -> 4,0 */
	reached7[2] = 1;
	trans[7][2]	= settr(0,0,0,0,0,"due = 1",0,0,0);
	trans[7][6]	= settr(1093,0,7,1,0,"break", 0, 2, 0);
	trans[7][7]	= settr(1094,0,0,151,151,"-end-", 0, 3500, 0);

	/* proctype 6: grace_clock */

	trans[6] = (Trans **) emalloc(8*sizeof(Trans *));

	trans[6][5]	= settr(1085,0,4,1,0,".(goto)", 0, 2, 0);
	T = trans[6][4] = settr(1084,0,0,0,0,"DO", 0, 2, 0);
	    T->nxt	= settr(1084,0,3,0,0,"DO", 0, 2, 0);
	T = trans[ 6][3] = settr(1083,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1083,2,1,0,0,"ATOMIC", 1, 2, 0);
	trans[6][1]	= settr(1081,0,4,152,152,"(grace)", 1, 2, 0); /* m: 2 -> 4,0 */
	reached6[2] = 1;
	trans[6][2]	= settr(0,0,0,0,0,"grace = 0",0,0,0);
	trans[6][6]	= settr(1086,0,7,1,0,"break", 0, 2, 0);
	trans[6][7]	= settr(1087,0,0,153,153,"-end-", 0, 3500, 0);

	/* proctype 5: db_clock */

	trans[5] = (Trans **) emalloc(8*sizeof(Trans *));

	trans[5][5]	= settr(1078,0,4,1,0,".(goto)", 0, 2, 0);
	T = trans[5][4] = settr(1077,0,0,0,0,"DO", 0, 2, 0);
	    T->nxt	= settr(1077,0,3,0,0,"DO", 0, 2, 0);
	T = trans[ 5][3] = settr(1076,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1076,2,1,0,0,"ATOMIC", 1, 2, 0);
	trans[5][1]	= settr(1074,0,4,154,154,"((((((st==3)&&!(expired))&&!(((eact[0]&&(etok[0]==tok))&&(eph[0]<2))))&&!(((eact[1]&&(etok[1]==tok))&&(eph[1]<2))))&&!(((eact[2]&&(etok[2]==tok))&&(eph[2]<2)))))", 1, 2, 0); /* m: 2 -> 4,0 */
	reached5[2] = 1;
	trans[5][2]	= settr(0,0,0,0,0,"expired = 1",0,0,0);
	trans[5][6]	= settr(1079,0,7,1,0,"break", 0, 2, 0);
	trans[5][7]	= settr(1080,0,0,155,155,"-end-", 0, 3500, 0);

	/* proctype 4: lease_clock */

	trans[4] = (Trans **) emalloc(11*sizeof(Trans *));

	trans[4][8]	= settr(1071,0,7,1,0,".(goto)", 0, 2, 0);
	T = trans[4][7] = settr(1070,0,0,0,0,"DO", 0, 2, 0);
	T = T->nxt	= settr(1070,0,3,0,0,"DO", 0, 2, 0);
	    T->nxt	= settr(1070,0,6,0,0,"DO", 0, 2, 0);
	T = trans[ 4][3] = settr(1066,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1066,2,1,0,0,"ATOMIC", 1, 2, 0);
	trans[4][1]	= settr(1064,0,7,156,156,"(((eact[e]&&(etok[e]!=0))&&(eph[e]==0)))", 1, 2, 0); /* m: 2 -> 7,0 */
	reached4[2] = 1;
	trans[4][2]	= settr(0,0,0,0,0,"eph[e] = 1",0,0,0);
	T = trans[ 4][6] = settr(1069,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1069,2,4,0,0,"ATOMIC", 1, 2, 0);
	trans[4][4]	= settr(1067,0,7,157,157,"(((eph[e]==1)&&!((hlive[e]&&alive[( ((e<2)) ? (0) : (1) )]))))", 1, 2, 0); /* m: 5 -> 7,0 */
	reached4[5] = 1;
	trans[4][5]	= settr(0,0,0,0,0,"eph[e] = 2",0,0,0);
	trans[4][9]	= settr(1072,0,10,1,0,"break", 0, 2, 0);
	trans[4][10]	= settr(1073,0,0,158,158,"-end-", 0, 3500, 0);

	/* proctype 3: fence */

	trans[3] = (Trans **) emalloc(12*sizeof(Trans *));

	trans[3][9]	= settr(1061,0,8,1,0,".(goto)", 0, 2, 0);
	T = trans[3][8] = settr(1060,0,0,0,0,"DO", 0, 2, 0);
	T = T->nxt	= settr(1060,0,4,0,0,"DO", 0, 2, 0);
	    T->nxt	= settr(1060,0,7,0,0,"DO", 0, 2, 0);
	T = trans[ 3][4] = settr(1056,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1056,2,1,0,0,"ATOMIC", 1, 2, 0);
	trans[3][1]	= settr(1053,0,8,159,159,"((((((alive[( ((e<2)) ? (0) : (1) )]&&!(paused[( ((e<2)) ? (0) : (1) )]))&&eact[e])&&estart[e])&&!(elost[e]))&&(eph[e]>=1)))", 1, 2, 0); /* m: 2 -> 8,0 */
	reached3[2] = 1;
	trans[3][2]	= settr(0,0,0,0,0,"elost[e] = 1",0,0,0);
	trans[3][3]	= settr(0,0,0,0,0,"hlive[e] = 0",0,0,0);
	T = trans[ 3][7] = settr(1059,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1059,2,5,0,0,"ATOMIC", 1, 2, 0);
	trans[3][5]	= settr(1057,0,8,160,160,"(((alive[( ((e<2)) ? (0) : (1) )]&&hlive[e])&&(eph[e]>=1)))", 1, 2, 0); /* m: 6 -> 8,0 */
	reached3[6] = 1;
	trans[3][6]	= settr(0,0,0,0,0,"hlive[e] = 0",0,0,0);
	trans[3][10]	= settr(1062,0,11,1,0,"break", 0, 2, 0);
	trans[3][11]	= settr(1063,0,0,161,161,"-end-", 0, 3500, 0);

	/* proctype 2: keeper */

	trans[2] = (Trans **) emalloc(150*sizeof(Trans *));

	trans[2][147]	= settr(1050,0,146,1,0,".(goto)", 0, 2, 0);
	T = trans[2][146] = settr(1049,0,0,0,0,"DO", 0, 2, 0);
	T = T->nxt	= settr(1049,0,24,0,0,"DO", 0, 2, 0);
	T = T->nxt	= settr(1049,0,54,0,0,"DO", 0, 2, 0);
	T = T->nxt	= settr(1049,0,111,0,0,"DO", 0, 2, 0);
	T = T->nxt	= settr(1049,0,118,0,0,"DO", 0, 2, 0);
	T = T->nxt	= settr(1049,0,121,0,0,"DO", 0, 2, 0);
	    T->nxt	= settr(1049,0,145,0,0,"DO", 0, 2, 0);
	T = trans[ 2][24] = settr(927,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(927,2,1,0,0,"ATOMIC", 1, 2, 0);
	trans[2][1]	= settr(904,2,8,162,162,"((((alive[w]&&!(paused[w]))&&lock[w])&&(hb[w]==0)))", 1, 2, 0); /* m: 2 -> 8,0 */
	reached2[2] = 1;
	trans[2][2]	= settr(0,0,0,0,0,"hb[w] = 1",0,0,0);
	T = trans[2][8] = settr(911,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(911,2,3,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(911,2,6,0,0,"IF", 1, 2, 0);
	trans[2][3]	= settr(906,2,15,163,163,"(((((w==0)&&eact[0])&&estart[0])&&!(elost[0])))", 1, 2, 0); /* m: 4 -> 15,0 */
	reached2[4] = 1;
	trans[2][4]	= settr(0,0,0,0,0,"hbs[0] = 1",0,0,0);
	trans[2][5]	= settr(0,0,0,0,0,"hbt[0] = etok[0]",0,0,0);
	trans[2][9]	= settr(912,2,15,1,0,".(goto)", 1, 2, 0);
	trans[2][6]	= settr(909,2,7,2,0,"else", 1, 2, 0);
	trans[2][7]	= settr(910,2,15,164,164,"hbs[0] = 0", 1, 2, 0);
	T = trans[2][15] = settr(918,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(918,2,10,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(918,2,13,0,0,"IF", 1, 2, 0);
	trans[2][10]	= settr(913,2,22,165,165,"(((((w==0)&&eact[1])&&estart[1])&&!(elost[1])))", 1, 2, 0); /* m: 11 -> 22,0 */
	reached2[11] = 1;
	trans[2][11]	= settr(0,0,0,0,0,"hbs[1] = 1",0,0,0);
	trans[2][12]	= settr(0,0,0,0,0,"hbt[1] = etok[1]",0,0,0);
	trans[2][16]	= settr(919,2,22,1,0,".(goto)", 1, 2, 0);
	trans[2][13]	= settr(916,2,14,2,0,"else", 1, 2, 0);
	trans[2][14]	= settr(917,2,22,166,166,"hbs[1] = 0", 1, 2, 0);
	T = trans[2][22] = settr(925,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(925,2,17,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(925,2,20,0,0,"IF", 1, 2, 0);
	trans[2][17]	= settr(920,0,146,167,167,"(((((w==1)&&eact[2])&&estart[2])&&!(elost[2])))", 1, 2, 0); /* m: 18 -> 146,0 */
	reached2[18] = 1;
	trans[2][18]	= settr(0,0,0,0,0,"hbs[2] = 1",0,0,0);
	trans[2][19]	= settr(0,0,0,0,0,"hbt[2] = etok[2]",0,0,0);
	trans[2][23]	= settr(926,0,146,168,168,".(goto)", 1, 2, 0);
	trans[2][20]	= settr(923,2,21,2,0,"else", 1, 2, 0);
	trans[2][21]	= settr(924,0,146,169,169,"hbs[2] = 0", 1, 2, 0); /* m: 23 -> 0,146 */
	reached2[23] = 1;
	T = trans[ 2][54] = settr(957,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(957,2,25,0,0,"ATOMIC", 1, 2, 0);
	trans[2][25]	= settr(928,2,34,170,170,"((alive[w]&&(hb[w]==1)))", 1, 2, 0); /* m: 26 -> 34,0 */
	reached2[26] = 1;
	trans[2][26]	= settr(0,0,0,0,0,"hb[w] = 2",0,0,0);
	T = trans[2][34] = settr(937,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(937,2,27,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(937,2,30,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(937,2,32,0,0,"IF", 1, 2, 0);
	trans[2][27]	= settr(930,2,43,171,171,"(((hbs[0]==1)&&(((st==3)&&(owner==(w+1)))&&(tok==hbt[0]))))", 1, 2, 0); /* m: 28 -> 43,0 */
	reached2[28] = 1;
	trans[2][28]	= settr(0,0,0,0,0,"expired = 0",0,0,0);
	trans[2][29]	= settr(0,0,0,0,0,"hbs[0] = ( (creq) -> (3) : (2) )",0,0,0);
	trans[2][35]	= settr(938,2,43,1,0,".(goto)", 1, 2, 0);
	trans[2][30]	= settr(933,2,43,172,172,"(((hbs[0]==1)&&!((((st==3)&&(owner==(w+1)))&&(tok==hbt[0])))))", 1, 2, 0); /* m: 31 -> 43,0 */
	reached2[31] = 1;
	trans[2][31]	= settr(0,0,0,0,0,"hbs[0] = 4",0,0,0);
	trans[2][32]	= settr(935,2,33,2,0,"else", 1, 2, 0);
	trans[2][33]	= settr(936,2,43,1,0,"(1)", 1, 2, 0);
	T = trans[2][43] = settr(946,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(946,2,36,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(946,2,39,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(946,2,41,0,0,"IF", 1, 2, 0);
	trans[2][36]	= settr(939,2,52,173,173,"(((hbs[1]==1)&&(((st==3)&&(owner==(w+1)))&&(tok==hbt[1]))))", 1, 2, 0); /* m: 37 -> 52,0 */
	reached2[37] = 1;
	trans[2][37]	= settr(0,0,0,0,0,"expired = 0",0,0,0);
	trans[2][38]	= settr(0,0,0,0,0,"hbs[1] = ( (creq) -> (3) : (2) )",0,0,0);
	trans[2][44]	= settr(947,2,52,1,0,".(goto)", 1, 2, 0);
	trans[2][39]	= settr(942,2,52,174,174,"(((hbs[1]==1)&&!((((st==3)&&(owner==(w+1)))&&(tok==hbt[1])))))", 1, 2, 0); /* m: 40 -> 52,0 */
	reached2[40] = 1;
	trans[2][40]	= settr(0,0,0,0,0,"hbs[1] = 4",0,0,0);
	trans[2][41]	= settr(944,2,42,2,0,"else", 1, 2, 0);
	trans[2][42]	= settr(945,2,52,1,0,"(1)", 1, 2, 0);
	T = trans[2][52] = settr(955,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(955,2,45,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(955,2,48,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(955,2,50,0,0,"IF", 1, 2, 0);
	trans[2][45]	= settr(948,0,146,175,175,"(((hbs[2]==1)&&(((st==3)&&(owner==(w+1)))&&(tok==hbt[2]))))", 1, 2, 0); /* m: 46 -> 146,0 */
	reached2[46] = 1;
	trans[2][46]	= settr(0,0,0,0,0,"expired = 0",0,0,0);
	trans[2][47]	= settr(0,0,0,0,0,"hbs[2] = ( (creq) -> (3) : (2) )",0,0,0);
	trans[2][53]	= settr(956,0,146,176,176,".(goto)", 1, 2, 0);
	trans[2][48]	= settr(951,0,146,177,177,"(((hbs[2]==1)&&!((((st==3)&&(owner==(w+1)))&&(tok==hbt[2])))))", 1, 2, 0); /* m: 49 -> 146,0 */
	reached2[49] = 1;
	trans[2][49]	= settr(0,0,0,0,0,"hbs[2] = 4",0,0,0);
	trans[2][50]	= settr(953,2,51,2,0,"else", 1, 2, 0);
	trans[2][51]	= settr(954,0,146,178,178,"(1)", 1, 2, 0); /* m: 53 -> 146,0 */
	reached2[53] = 1;
	T = trans[ 2][111] = settr(1014,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1014,2,55,0,0,"ATOMIC", 1, 2, 0);
	trans[2][55]	= settr(958,2,74,179,179,"(((alive[w]&&!(paused[w]))&&(hb[w]==2)))", 1, 2, 0); /* m: 56 -> 74,0 */
	reached2[56] = 1;
	trans[2][56]	= settr(0,0,0,0,0,"hb[w] = 0",0,0,0);
	T = trans[ 2][74] = settr(977,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(977,0,71,0,0,"sub-sequence", 1, 2, 0);
	T = trans[2][71] = settr(974,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(974,2,57,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(974,2,66,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(974,2,69,0,0,"IF", 1, 2, 0);
	trans[2][57]	= settr(960,2,64,180,180,"((((((( ((0<2)) -> (0) : (1) )==w)&&(hbs[0]>=2))&&(hbs[0]<=3))&&eact[0])&&(etok[0]==hbt[0])))", 1, 2, 0); /* m: 58 -> 64,0 */
	reached2[58] = 1;
	trans[2][58]	= settr(0,0,0,0,0,"eph[0] = 0",0,0,0);
	T = trans[2][64] = settr(967,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(967,2,59,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(967,2,62,0,0,"IF", 1, 2, 0);
	trans[2][59]	= settr(962,2,92,181,181,"((hbs[0]==3))", 1, 2, 0); /* m: 60 -> 92,0 */
	reached2[60] = 1;
	trans[2][60]	= settr(0,0,0,0,0,"ecan[0] = 1",0,0,0);
	trans[2][61]	= settr(0,0,0,0,0,"hlive[0] = 0",0,0,0);
	trans[2][65]	= settr(968,2,73,1,0,".(goto)", 1, 2, 0); /* m: 73 -> 0,92 */
	reached2[73] = 1;
	trans[2][62]	= settr(965,2,63,2,0,"else", 1, 2, 0);
	trans[2][63]	= settr(966,2,92,182,182,"(1)", 1, 2, 0); /* m: 73 -> 92,0 */
	reached2[73] = 1;
	trans[2][72]	= settr(975,2,73,1,0,".(goto)", 1, 2, 0); /* m: 73 -> 0,92 */
	reached2[73] = 1;
	trans[2][66]	= settr(969,2,92,183,183,"(((((( ((0<2)) -> (0) : (1) )==w)&&(hbs[0]==4))&&eact[0])&&(etok[0]==hbt[0])))", 1, 2, 0); /* m: 67 -> 92,0 */
	reached2[67] = 1;
	trans[2][67]	= settr(0,0,0,0,0,"elost[0] = 1",0,0,0);
	trans[2][68]	= settr(0,0,0,0,0,"hlive[0] = 0",0,0,0);
	trans[2][69]	= settr(972,2,70,2,0,"else", 1, 2, 0);
	trans[2][70]	= settr(973,2,92,184,184,"(1)", 1, 2, 0); /* m: 73 -> 92,0 */
	reached2[73] = 1;
	trans[2][73]	= settr(976,2,92,185,185,"hbs[0] = 0", 1, 2, 0);
	T = trans[ 2][92] = settr(995,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(995,0,89,0,0,"sub-sequence", 1, 2, 0);
	T = trans[2][89] = settr(992,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(992,2,75,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(992,2,84,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(992,2,87,0,0,"IF", 1, 2, 0);
	trans[2][75]	= settr(978,2,82,186,186,"((((((( ((1<2)) -> (0) : (1) )==w)&&(hbs[1]>=2))&&(hbs[1]<=3))&&eact[1])&&(etok[1]==hbt[1])))", 1, 2, 0); /* m: 76 -> 82,0 */
	reached2[76] = 1;
	trans[2][76]	= settr(0,0,0,0,0,"eph[1] = 0",0,0,0);
	T = trans[2][82] = settr(985,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(985,2,77,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(985,2,80,0,0,"IF", 1, 2, 0);
	trans[2][77]	= settr(980,2,110,187,187,"((hbs[1]==3))", 1, 2, 0); /* m: 78 -> 110,0 */
	reached2[78] = 1;
	trans[2][78]	= settr(0,0,0,0,0,"ecan[1] = 1",0,0,0);
	trans[2][79]	= settr(0,0,0,0,0,"hlive[1] = 0",0,0,0);
	trans[2][83]	= settr(986,2,91,1,0,".(goto)", 1, 2, 0); /* m: 91 -> 0,110 */
	reached2[91] = 1;
	trans[2][80]	= settr(983,2,81,2,0,"else", 1, 2, 0);
	trans[2][81]	= settr(984,2,110,188,188,"(1)", 1, 2, 0); /* m: 91 -> 110,0 */
	reached2[91] = 1;
	trans[2][90]	= settr(993,2,91,1,0,".(goto)", 1, 2, 0); /* m: 91 -> 0,110 */
	reached2[91] = 1;
	trans[2][84]	= settr(987,2,110,189,189,"(((((( ((1<2)) -> (0) : (1) )==w)&&(hbs[1]==4))&&eact[1])&&(etok[1]==hbt[1])))", 1, 2, 0); /* m: 85 -> 110,0 */
	reached2[85] = 1;
	trans[2][85]	= settr(0,0,0,0,0,"elost[1] = 1",0,0,0);
	trans[2][86]	= settr(0,0,0,0,0,"hlive[1] = 0",0,0,0);
	trans[2][87]	= settr(990,2,88,2,0,"else", 1, 2, 0);
	trans[2][88]	= settr(991,2,110,190,190,"(1)", 1, 2, 0); /* m: 91 -> 110,0 */
	reached2[91] = 1;
	trans[2][91]	= settr(994,2,110,191,191,"hbs[1] = 0", 1, 2, 0);
	T = trans[ 2][110] = settr(1013,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(1013,0,107,0,0,"sub-sequence", 1, 2, 0);
	T = trans[2][107] = settr(1010,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1010,2,93,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1010,2,102,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1010,2,105,0,0,"IF", 1, 2, 0);
	trans[2][93]	= settr(996,2,100,192,192,"((((((( ((2<2)) -> (0) : (1) )==w)&&(hbs[2]>=2))&&(hbs[2]<=3))&&eact[2])&&(etok[2]==hbt[2])))", 1, 2, 0); /* m: 94 -> 100,0 */
	reached2[94] = 1;
	trans[2][94]	= settr(0,0,0,0,0,"eph[2] = 0",0,0,0);
	T = trans[2][100] = settr(1003,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1003,2,95,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1003,2,98,0,0,"IF", 1, 2, 0);
	trans[2][95]	= settr(998,0,146,193,193,"((hbs[2]==3))", 1, 2, 0); /* m: 96 -> 146,0 */
	reached2[96] = 1;
	trans[2][96]	= settr(0,0,0,0,0,"ecan[2] = 1",0,0,0);
	trans[2][97]	= settr(0,0,0,0,0,"hlive[2] = 0",0,0,0);
	trans[2][101]	= settr(1004,2,108,1,0,".(goto)", 1, 2, 0); /* m: 108 -> 0,146 */
	reached2[108] = 1;
	trans[2][98]	= settr(1001,2,99,2,0,"else", 1, 2, 0);
	trans[2][99]	= settr(1002,0,146,194,194,"(1)", 1, 2, 0); /* m: 108 -> 146,0 */
	reached2[108] = 1;
	trans[2][108]	= settr(1011,0,146,195,195,".(goto)", 1, 2, 0); /* m: 109 -> 0,146 */
	reached2[109] = 1;
	trans[2][102]	= settr(1005,0,146,196,196,"(((((( ((2<2)) -> (0) : (1) )==w)&&(hbs[2]==4))&&eact[2])&&(etok[2]==hbt[2])))", 1, 2, 0); /* m: 103 -> 146,0 */
	reached2[103] = 1;
	trans[2][103]	= settr(0,0,0,0,0,"elost[2] = 1",0,0,0);
	trans[2][104]	= settr(0,0,0,0,0,"hlive[2] = 0",0,0,0);
	trans[2][105]	= settr(1008,2,106,2,0,"else", 1, 2, 0);
	trans[2][106]	= settr(1009,0,146,197,197,"(1)", 1, 2, 0); /* m: 108 -> 146,0 */
	reached2[108] = 1;
	trans[2][109]	= settr(0,0,0,0,0,"hbs[2] = 0",0,0,0);
	T = trans[ 2][118] = settr(1021,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1021,2,112,0,0,"ATOMIC", 1, 2, 0);
	trans[2][112]	= settr(1015,0,146,198,198,"((((alive[w]&&!(paused[w]))&&(hb[w]==2))&&(faults<2)))", 1, 2, 0); /* m: 113 -> 146,0 */
	reached2[113] = 1;
	trans[2][113]	= settr(0,0,0,0,0,"faults = (faults+1)",0,0,0);
	trans[2][114]	= settr(0,0,0,0,0,"hb[w] = 0",0,0,0);
	trans[2][115]	= settr(0,0,0,0,0,"hbs[0] = 0",0,0,0);
	trans[2][116]	= settr(0,0,0,0,0,"hbs[1] = 0",0,0,0);
	trans[2][117]	= settr(0,0,0,0,0,"hbs[2] = 0",0,0,0);
	T = trans[ 2][121] = settr(1024,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1024,2,119,0,0,"ATOMIC", 1, 2, 0);
	trans[2][119]	= settr(1022,0,146,199,199,"(((alive[w]&&!(paused[w]))&&!(lock[w])))", 1, 2, 0); /* m: 120 -> 146,0 */
	reached2[120] = 1;
	trans[2][120]	= settr(0,0,0,0,0,"lock[w] = 1",0,0,0);
	T = trans[ 2][145] = settr(1048,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(1048,2,122,0,0,"ATOMIC", 1, 2, 0);
	trans[2][122]	= settr(1025,2,129,200,200,"(((alive[w]&&!(paused[w]))&&fanout[w]))", 1, 2, 0); /* m: 123 -> 129,0 */
	reached2[123] = 1;
	trans[2][123]	= settr(0,0,0,0,0,"fanout[w] = 0",0,0,0);
	T = trans[2][129] = settr(1032,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1032,2,124,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1032,2,127,0,0,"IF", 1, 2, 0);
	trans[2][124]	= settr(1027,2,136,201,201,"((((( ((0<2)) -> (0) : (1) )==w)&&eact[0])&&estart[0]))", 1, 2, 0); /* m: 125 -> 136,0 */
	reached2[125] = 1;
	trans[2][125]	= settr(0,0,0,0,0,"ecan[0] = 1",0,0,0);
	trans[2][126]	= settr(0,0,0,0,0,"hlive[0] = 0",0,0,0);
	trans[2][130]	= settr(1033,2,136,1,0,".(goto)", 1, 2, 0);
	trans[2][127]	= settr(1030,2,128,2,0,"else", 1, 2, 0);
	trans[2][128]	= settr(1031,2,136,1,0,"(1)", 1, 2, 0);
	T = trans[2][136] = settr(1039,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1039,2,131,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1039,2,134,0,0,"IF", 1, 2, 0);
	trans[2][131]	= settr(1034,2,143,202,202,"((((( ((1<2)) -> (0) : (1) )==w)&&eact[1])&&estart[1]))", 1, 2, 0); /* m: 132 -> 143,0 */
	reached2[132] = 1;
	trans[2][132]	= settr(0,0,0,0,0,"ecan[1] = 1",0,0,0);
	trans[2][133]	= settr(0,0,0,0,0,"hlive[1] = 0",0,0,0);
	trans[2][137]	= settr(1040,2,143,1,0,".(goto)", 1, 2, 0);
	trans[2][134]	= settr(1037,2,135,2,0,"else", 1, 2, 0);
	trans[2][135]	= settr(1038,2,143,1,0,"(1)", 1, 2, 0);
	T = trans[2][143] = settr(1046,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(1046,2,138,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(1046,2,141,0,0,"IF", 1, 2, 0);
	trans[2][138]	= settr(1041,0,146,203,203,"((((( ((2<2)) -> (0) : (1) )==w)&&eact[2])&&estart[2]))", 1, 2, 0); /* m: 139 -> 146,0 */
	reached2[139] = 1;
	trans[2][139]	= settr(0,0,0,0,0,"ecan[2] = 1",0,0,0);
	trans[2][140]	= settr(0,0,0,0,0,"hlive[2] = 0",0,0,0);
	trans[2][144]	= settr(1047,0,146,204,204,".(goto)", 1, 2, 0);
	trans[2][141]	= settr(1044,2,142,2,0,"else", 1, 2, 0);
	trans[2][142]	= settr(1045,0,146,205,205,"(1)", 1, 2, 0); /* m: 144 -> 146,0 */
	reached2[144] = 1;
	trans[2][148]	= settr(1051,0,149,1,0,"break", 0, 2, 0);
	trans[2][149]	= settr(1052,0,0,206,206,"-end-", 0, 3500, 0);

	/* proctype 1: executor */

	trans[1] = (Trans **) emalloc(898*sizeof(Trans *));

	T = trans[ 1][881] = settr(887,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(887,0,9,0,0,"sub-sequence", 0, 2, 0);
	T = trans[ 1][9] = settr(15,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(15,2,1,0,0,"ATOMIC", 1, 2, 0);
	trans[1][1]	= settr(7,2,2,207,0,"((((alive[w]&&!(paused[w]))&&(ready>0))&&!(eact[e])))", 1, 2, 0);
	trans[1][1]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	trans[1][878]	= settr(884,0,895,208,0,"(ekill[e])", 1, 2, 0);
	trans[1][880]	= settr(886,0,895,1,0,".(goto)", 0, 2, 0);
	/* end-escapes */
	trans[1][2]	= settr(8,2,3,209,209,"ready = (ready-1)", 1, 2, 0);
	trans[1][2]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][3]	= settr(9,2,4,210,210,"edl[e] = 1", 1, 2, 0);
	trans[1][3]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][4]	= settr(10,2,5,211,211,"edg[e] = bgen[w]", 1, 2, 0);
	trans[1][4]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][5]	= settr(11,2,8,212,212,"eact[e] = 1", 1, 2, 0);
	trans[1][5]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][8] = settr(14,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(14,0,6,0,0,"sub-sequence", 1, 2, 0);
	trans[1][6]	= settr(12,2,7,213,213,"ncid = (ncid+1)", 1, 2, 0);
	trans[1][6]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][7]	= settr(13,0,65,214,214,"ecid[e] = ncid", 1, 2, 0);
	trans[1][7]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][65] = settr(71,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(71,2,10,0,0,"ATOMIC", 1, 2, 0);
	trans[1][10]	= settr(16,2,63,215,0,"((alive[w]&&!(paused[w])))", 1, 2, 0);
	trans[1][10]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][63] = settr(69,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(69,2,33,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(69,2,34,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(69,2,60,0,0,"IF", 1, 2, 0);
	T = trans[ 1][33] = settr(39,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(39,0,31,0,0,"sub-sequence", 1, 2, 0);
	T = trans[1][31] = settr(37,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(37,2,11,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(37,2,29,0,0,"IF", 1, 2, 0);
	trans[1][11]	= settr(17,2,12,216,0,"((((st==1)&&!(creq))&&due))", 1, 2, 0);
	trans[1][11]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][12]	= settr(18,2,13,217,217,"st = 3", 1, 2, 0);
	trans[1][12]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][13]	= settr(19,2,14,218,218,"owner = (w+1)", 1, 2, 0);
	trans[1][13]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][14]	= settr(20,2,17,219,219,"att = (att+1)", 1, 2, 0);
	trans[1][14]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][17] = settr(23,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(23,0,15,0,0,"sub-sequence", 1, 2, 0);
	trans[1][15]	= settr(21,2,16,220,220,"tok = (tok+1)", 1, 2, 0);
	trans[1][15]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][16]	= settr(22,2,18,221,0,"assert((tok<250))", 1, 2, 0);
	trans[1][16]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][18]	= settr(24,2,19,222,222,"cid = ecid[e]", 1, 2, 0);
	trans[1][18]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][19]	= settr(25,2,20,223,223,"pub = 1", 1, 2, 0);
	trans[1][19]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][20]	= settr(26,2,21,224,224,"expired = 0", 1, 2, 0);
	trans[1][20]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][21]	= settr(27,2,22,225,225,"etok[e] = tok", 1, 2, 0);
	trans[1][21]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][22]	= settr(28,2,23,226,226,"eatt[e] = att", 1, 2, 0);
	trans[1][22]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][23]	= settr(29,2,24,227,227,"eph[e] = 0", 1, 2, 0);
	trans[1][23]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][24]	= settr(30,2,27,228,228,"eccr[e] = creq", 1, 2, 0);
	trans[1][24]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][27] = settr(33,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(33,0,25,0,0,"sub-sequence", 1, 2, 0);
	trans[1][25]	= settr(31,2,26,229,0,"assert((etok[e]>maxftok))", 1, 2, 0);
	trans[1][25]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][26]	= settr(32,2,28,230,230,"maxftok = etok[e]", 1, 2, 0);
	trans[1][26]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][28]	= settr(34,2,32,231,231,"r = 1", 1, 2, 0);
	trans[1][28]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][32]	= settr(38,2,64,1,0,".(goto)", 1, 2, 0);
	trans[1][29]	= settr(35,2,30,2,0,"else", 1, 2, 0);
	trans[1][29]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][30]	= settr(36,2,32,232,232,"r = 2", 1, 2, 0);
	trans[1][30]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][64]	= settr(70,0,98,1,0,".(goto)", 1, 2, 0);
	trans[1][34]	= settr(40,2,35,233,0,"((faults<2))", 1, 2, 0);
	trans[1][34]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][35]	= settr(41,2,58,234,234,"faults = (faults+1)", 1, 2, 0);
	trans[1][35]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][58] = settr(64,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(64,0,56,0,0,"sub-sequence", 1, 2, 0);
	T = trans[1][56] = settr(62,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(62,2,36,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(62,2,54,0,0,"IF", 1, 2, 0);
	trans[1][36]	= settr(42,2,37,235,0,"((((st==1)&&!(creq))&&due))", 1, 2, 0);
	trans[1][36]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][37]	= settr(43,2,38,236,236,"st = 3", 1, 2, 0);
	trans[1][37]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][38]	= settr(44,2,39,237,237,"owner = (w+1)", 1, 2, 0);
	trans[1][38]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][39]	= settr(45,2,42,238,238,"att = (att+1)", 1, 2, 0);
	trans[1][39]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][42] = settr(48,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(48,0,40,0,0,"sub-sequence", 1, 2, 0);
	trans[1][40]	= settr(46,2,41,239,239,"tok = (tok+1)", 1, 2, 0);
	trans[1][40]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][41]	= settr(47,2,43,240,0,"assert((tok<250))", 1, 2, 0);
	trans[1][41]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][43]	= settr(49,2,44,241,241,"cid = ecid[e]", 1, 2, 0);
	trans[1][43]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][44]	= settr(50,2,45,242,242,"pub = 1", 1, 2, 0);
	trans[1][44]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][45]	= settr(51,2,46,243,243,"expired = 0", 1, 2, 0);
	trans[1][45]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][46]	= settr(52,2,47,244,244,"etok[e] = tok", 1, 2, 0);
	trans[1][46]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][47]	= settr(53,2,48,245,245,"eatt[e] = att", 1, 2, 0);
	trans[1][47]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][48]	= settr(54,2,49,246,246,"eph[e] = 0", 1, 2, 0);
	trans[1][48]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][49]	= settr(55,2,52,247,247,"eccr[e] = creq", 1, 2, 0);
	trans[1][49]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][52] = settr(58,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(58,0,50,0,0,"sub-sequence", 1, 2, 0);
	trans[1][50]	= settr(56,2,51,248,0,"assert((etok[e]>maxftok))", 1, 2, 0);
	trans[1][50]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][51]	= settr(57,2,53,249,249,"maxftok = etok[e]", 1, 2, 0);
	trans[1][51]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][53]	= settr(59,2,59,250,250,"r = 1", 1, 2, 0);
	trans[1][53]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][57]	= settr(63,2,59,1,0,".(goto)", 1, 2, 0);
	trans[1][54]	= settr(60,2,55,2,0,"else", 1, 2, 0);
	trans[1][54]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][55]	= settr(61,2,59,251,251,"r = 2", 1, 2, 0);
	trans[1][55]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][59]	= settr(65,2,64,252,252,"r = 3", 1, 2, 0);
	trans[1][59]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][60]	= settr(66,2,61,253,0,"((faults<2))", 1, 2, 0);
	trans[1][60]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][61]	= settr(67,2,62,254,254,"faults = (faults+1)", 1, 2, 0);
	trans[1][61]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][62]	= settr(68,2,64,255,255,"r = 3", 1, 2, 0);
	trans[1][62]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][98] = settr(104,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(104,0,66,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(104,0,68,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(104,0,96,0,0,"IF", 0, 2, 0);
	trans[1][66]	= settr(72,0,652,256,256,"((r==1))", 0, 2, 0);
	trans[1][66]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][67]	= settr(73,0,652,1,0,"goto running", 0, 2, 0);
	trans[1][67]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][99]	= settr(105,0,100,1,0,".(goto)", 0, 2, 0);
	trans[1][68]	= settr(74,0,94,257,257,"((r==3))", 0, 2, 0);
	trans[1][68]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][94] = settr(100,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(100,0,69,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(100,0,92,0,0,"IF", 0, 2, 0);
	trans[1][69]	= settr(75,0,65,1,0,"goto claim", 0, 2, 0);
	trans[1][69]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][95]	= settr(101,0,100,1,0,".(goto)", 0, 2, 0);
	T = trans[ 1][92] = settr(98,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(98,0,91,0,0,"sub-sequence", 0, 2, 0);
	T = trans[ 1][91] = settr(97,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(97,2,70,0,0,"ATOMIC", 1, 2, 0);
	trans[1][70]	= settr(76,2,75,258,0,"assert((1||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))", 1, 2, 0);
	trans[1][70]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][75] = settr(81,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(81,2,71,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(81,2,73,0,0,"IF", 1, 2, 0);
	trans[1][71]	= settr(77,2,72,259,0,"(((edl[e]&&(edg[e]==bgen[w]))&&1))", 1, 2, 0);
	trans[1][71]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][72]	= settr(78,2,77,260,260,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )", 1, 2, 0);
	trans[1][72]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][76]	= settr(82,2,77,1,0,".(goto)", 1, 2, 0);
	trans[1][73]	= settr(79,2,74,2,0,"else", 1, 2, 0);
	trans[1][73]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][74]	= settr(80,2,77,1,0,"(1)", 1, 2, 0);
	trans[1][74]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][77]	= settr(83,2,90,261,261,"edl[e] = 0", 1, 2, 0);
	trans[1][77]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][90] = settr(96,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(96,0,78,0,0,"sub-sequence", 1, 2, 0);
	trans[1][78]	= settr(84,2,79,262,262,"eact[e] = 0", 1, 2, 0);
	trans[1][78]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][79]	= settr(85,2,80,263,263,"estart[e] = 0", 1, 2, 0);
	trans[1][79]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][80]	= settr(86,2,81,264,264,"etok[e] = 0", 1, 2, 0);
	trans[1][80]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][81]	= settr(87,2,82,265,265,"eatt[e] = 0", 1, 2, 0);
	trans[1][81]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][82]	= settr(88,2,83,266,266,"ecid[e] = 0", 1, 2, 0);
	trans[1][82]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][83]	= settr(89,2,84,267,267,"eph[e] = 0", 1, 2, 0);
	trans[1][83]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][84]	= settr(90,2,85,268,268,"elost[e] = 0", 1, 2, 0);
	trans[1][84]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][85]	= settr(91,2,86,269,269,"ecan[e] = 0", 1, 2, 0);
	trans[1][85]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][86]	= settr(92,2,87,270,270,"hlive[e] = 0", 1, 2, 0);
	trans[1][86]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][87]	= settr(93,2,88,271,271,"eccr[e] = 0", 1, 2, 0);
	trans[1][87]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][88]	= settr(94,2,89,272,272,"hbs[e] = 0", 1, 2, 0);
	trans[1][88]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][89]	= settr(95,0,866,273,273,"hbt[e] = 0", 1, 2, 0);
	trans[1][89]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][93]	= settr(99,0,866,1,0,"goto done", 0, 2, 0);
	trans[1][93]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][96]	= settr(102,0,97,274,274,"((r==2))", 0, 2, 0);
	trans[1][96]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][97]	= settr(103,0,100,1,0,"(1)", 0, 2, 0);
	trans[1][97]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][100]	= settr(106,0,639,275,275,"rnd = 0", 0, 2, 0);
	trans[1][100]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][640]	= settr(646,0,639,1,0,".(goto)", 0, 2, 0);
	T = trans[1][639] = settr(645,0,0,0,0,"DO", 0, 2, 0);
	T = T->nxt	= settr(645,0,101,0,0,"DO", 0, 2, 0);
	    T->nxt	= settr(645,0,126,0,0,"DO", 0, 2, 0);
	trans[1][101]	= settr(107,0,124,276,276,"((rnd>=3))", 0, 2, 0);
	trans[1][101]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][124] = settr(130,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(130,0,123,0,0,"sub-sequence", 0, 2, 0);
	T = trans[ 1][123] = settr(129,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(129,2,102,0,0,"ATOMIC", 1, 2, 0);
	trans[1][102]	= settr(108,2,107,277,0,"assert((1||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))", 1, 2, 0);
	trans[1][102]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][107] = settr(113,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(113,2,103,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(113,2,105,0,0,"IF", 1, 2, 0);
	trans[1][103]	= settr(109,2,104,278,0,"(((edl[e]&&(edg[e]==bgen[w]))&&1))", 1, 2, 0);
	trans[1][103]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][104]	= settr(110,2,109,279,279,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )", 1, 2, 0);
	trans[1][104]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][108]	= settr(114,2,109,1,0,".(goto)", 1, 2, 0);
	trans[1][105]	= settr(111,2,106,2,0,"else", 1, 2, 0);
	trans[1][105]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][106]	= settr(112,2,109,1,0,"(1)", 1, 2, 0);
	trans[1][106]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][109]	= settr(115,2,122,280,280,"edl[e] = 0", 1, 2, 0);
	trans[1][109]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][122] = settr(128,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(128,0,110,0,0,"sub-sequence", 1, 2, 0);
	trans[1][110]	= settr(116,2,111,281,281,"eact[e] = 0", 1, 2, 0);
	trans[1][110]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][111]	= settr(117,2,112,282,282,"estart[e] = 0", 1, 2, 0);
	trans[1][111]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][112]	= settr(118,2,113,283,283,"etok[e] = 0", 1, 2, 0);
	trans[1][112]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][113]	= settr(119,2,114,284,284,"eatt[e] = 0", 1, 2, 0);
	trans[1][113]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][114]	= settr(120,2,115,285,285,"ecid[e] = 0", 1, 2, 0);
	trans[1][114]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][115]	= settr(121,2,116,286,286,"eph[e] = 0", 1, 2, 0);
	trans[1][115]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][116]	= settr(122,2,117,287,287,"elost[e] = 0", 1, 2, 0);
	trans[1][116]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][117]	= settr(123,2,118,288,288,"ecan[e] = 0", 1, 2, 0);
	trans[1][117]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][118]	= settr(124,2,119,289,289,"hlive[e] = 0", 1, 2, 0);
	trans[1][118]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][119]	= settr(125,2,120,290,290,"eccr[e] = 0", 1, 2, 0);
	trans[1][119]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][120]	= settr(126,2,121,291,291,"hbs[e] = 0", 1, 2, 0);
	trans[1][120]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][121]	= settr(127,0,866,292,292,"hbt[e] = 0", 1, 2, 0);
	trans[1][121]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][125]	= settr(131,0,866,1,0,"goto done", 0, 2, 0);
	trans[1][125]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][126]	= settr(132,0,127,293,0,"((rnd<3))", 0, 2, 0);
	trans[1][126]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][127]	= settr(133,0,136,294,294,"rnd = (rnd+1)", 0, 2, 0);
	trans[1][127]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][136] = settr(142,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(142,2,128,0,0,"ATOMIC", 1, 2, 0);
	trans[1][128]	= settr(134,2,129,295,0,"((alive[w]&&!(paused[w])))", 1, 2, 0);
	trans[1][128]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][129]	= settr(135,2,130,296,296,"rst = st", 1, 2, 0);
	trans[1][129]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][130]	= settr(136,2,131,297,297,"rown = owner", 1, 2, 0);
	trans[1][130]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][131]	= settr(137,2,132,298,298,"rtok = tok", 1, 2, 0);
	trans[1][131]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][132]	= settr(138,2,133,299,299,"rcid = cid", 1, 2, 0);
	trans[1][132]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][133]	= settr(139,2,134,300,300,"rcreq = creq", 1, 2, 0);
	trans[1][133]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][134]	= settr(140,2,135,301,301,"rdue = due", 1, 2, 0);
	trans[1][134]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][135]	= settr(141,0,516,302,302,"rexp = expired", 1, 2, 0);
	trans[1][135]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][516] = settr(522,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(522,0,137,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(522,0,162,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(522,0,369,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(522,0,423,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(522,0,480,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(522,0,483,0,0,"IF", 0, 2, 0);
	trans[1][137]	= settr(143,0,160,303,303,"((rst>=4))", 0, 2, 0);
	trans[1][137]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][160] = settr(166,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(166,0,159,0,0,"sub-sequence", 0, 2, 0);
	T = trans[ 1][159] = settr(165,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(165,2,138,0,0,"ATOMIC", 1, 2, 0);
	trans[1][138]	= settr(144,2,143,304,0,"assert((0||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))", 1, 2, 0);
	trans[1][138]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][143] = settr(149,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(149,2,139,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(149,2,141,0,0,"IF", 1, 2, 0);
	trans[1][139]	= settr(145,2,140,305,0,"(((edl[e]&&(edg[e]==bgen[w]))&&0))", 1, 2, 0);
	trans[1][139]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][140]	= settr(146,2,145,306,306,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )", 1, 2, 0);
	trans[1][140]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][144]	= settr(150,2,145,1,0,".(goto)", 1, 2, 0);
	trans[1][141]	= settr(147,2,142,2,0,"else", 1, 2, 0);
	trans[1][141]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][142]	= settr(148,2,145,1,0,"(1)", 1, 2, 0);
	trans[1][142]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][145]	= settr(151,2,158,307,307,"edl[e] = 0", 1, 2, 0);
	trans[1][145]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][158] = settr(164,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(164,0,146,0,0,"sub-sequence", 1, 2, 0);
	trans[1][146]	= settr(152,2,147,308,308,"eact[e] = 0", 1, 2, 0);
	trans[1][146]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][147]	= settr(153,2,148,309,309,"estart[e] = 0", 1, 2, 0);
	trans[1][147]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][148]	= settr(154,2,149,310,310,"etok[e] = 0", 1, 2, 0);
	trans[1][148]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][149]	= settr(155,2,150,311,311,"eatt[e] = 0", 1, 2, 0);
	trans[1][149]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][150]	= settr(156,2,151,312,312,"ecid[e] = 0", 1, 2, 0);
	trans[1][150]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][151]	= settr(157,2,152,313,313,"eph[e] = 0", 1, 2, 0);
	trans[1][151]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][152]	= settr(158,2,153,314,314,"elost[e] = 0", 1, 2, 0);
	trans[1][152]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][153]	= settr(159,2,154,315,315,"ecan[e] = 0", 1, 2, 0);
	trans[1][153]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][154]	= settr(160,2,155,316,316,"hlive[e] = 0", 1, 2, 0);
	trans[1][154]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][155]	= settr(161,2,156,317,317,"eccr[e] = 0", 1, 2, 0);
	trans[1][155]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][156]	= settr(162,2,157,318,318,"hbs[e] = 0", 1, 2, 0);
	trans[1][156]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][157]	= settr(163,0,866,319,319,"hbt[e] = 0", 1, 2, 0);
	trans[1][157]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][161]	= settr(167,0,866,1,0,"goto done", 0, 2, 0);
	trans[1][161]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][517]	= settr(523,0,638,1,0,".(goto)", 0, 2, 0);
	trans[1][162]	= settr(168,0,367,320,0,"(((rst==1)||(rst==2)))", 0, 2, 0);
	trans[1][162]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][367] = settr(373,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(373,0,163,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(373,0,248,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(373,0,342,0,0,"IF", 0, 2, 0);
	trans[1][163]	= settr(169,0,193,321,321,"(rcreq)", 0, 2, 0);
	trans[1][163]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][193] = settr(199,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(199,2,164,0,0,"ATOMIC", 1, 2, 0);
	trans[1][164]	= settr(170,2,191,322,0,"((alive[w]&&!(paused[w])))", 1, 2, 0);
	trans[1][164]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][191] = settr(197,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(197,2,173,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(197,2,175,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(197,2,188,0,0,"IF", 1, 2, 0);
	T = trans[1][173] = settr(179,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(179,2,165,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(179,2,171,0,0,"IF", 1, 2, 0);
	trans[1][165]	= settr(171,2,166,323,0,"(((st==1)||(st==2)))", 1, 2, 0);
	trans[1][165]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][166]	= settr(172,2,169,324,324,"st = 6", 1, 2, 0);
	trans[1][166]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][169] = settr(175,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(175,0,167,0,0,"sub-sequence", 1, 2, 0);
	trans[1][167]	= settr(173,2,168,325,325,"terms = (terms+1)", 1, 2, 0);
	trans[1][167]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][168]	= settr(174,2,170,326,0,"assert((terms<=runs))", 1, 2, 0);
	trans[1][168]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][170]	= settr(176,2,174,327,327,"r = 1", 1, 2, 0);
	trans[1][170]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][174]	= settr(180,2,192,1,0,".(goto)", 1, 2, 0);
	trans[1][171]	= settr(177,2,172,2,0,"else", 1, 2, 0);
	trans[1][171]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][172]	= settr(178,2,174,328,328,"r = 2", 1, 2, 0);
	trans[1][172]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][192]	= settr(198,0,246,1,0,".(goto)", 1, 2, 0);
	trans[1][175]	= settr(181,2,176,329,0,"((faults<2))", 1, 2, 0);
	trans[1][175]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][176]	= settr(182,2,185,330,330,"faults = (faults+1)", 1, 2, 0);
	trans[1][176]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][185] = settr(191,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(191,2,177,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(191,2,183,0,0,"IF", 1, 2, 0);
	trans[1][177]	= settr(183,2,178,331,0,"(((st==1)||(st==2)))", 1, 2, 0);
	trans[1][177]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][178]	= settr(184,2,181,332,332,"st = 6", 1, 2, 0);
	trans[1][178]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][181] = settr(187,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(187,0,179,0,0,"sub-sequence", 1, 2, 0);
	trans[1][179]	= settr(185,2,180,333,333,"terms = (terms+1)", 1, 2, 0);
	trans[1][179]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][180]	= settr(186,2,182,334,0,"assert((terms<=runs))", 1, 2, 0);
	trans[1][180]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][182]	= settr(188,2,187,335,335,"r = 1", 1, 2, 0);
	trans[1][182]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][186]	= settr(192,2,187,1,0,".(goto)", 1, 2, 0);
	trans[1][183]	= settr(189,2,184,2,0,"else", 1, 2, 0);
	trans[1][183]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][184]	= settr(190,2,187,336,336,"r = 2", 1, 2, 0);
	trans[1][184]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][187]	= settr(193,2,192,337,337,"r = 3", 1, 2, 0);
	trans[1][187]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][188]	= settr(194,2,189,338,0,"((faults<2))", 1, 2, 0);
	trans[1][188]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][189]	= settr(195,2,190,339,339,"faults = (faults+1)", 1, 2, 0);
	trans[1][189]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][190]	= settr(196,2,192,340,340,"r = 3", 1, 2, 0);
	trans[1][190]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][246] = settr(252,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(252,0,194,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(252,0,219,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(252,0,221,0,0,"IF", 0, 2, 0);
	trans[1][194]	= settr(200,0,217,341,341,"((r==1))", 0, 2, 0);
	trans[1][194]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][217] = settr(223,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(223,0,216,0,0,"sub-sequence", 0, 2, 0);
	T = trans[ 1][216] = settr(222,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(222,2,195,0,0,"ATOMIC", 1, 2, 0);
	trans[1][195]	= settr(201,2,200,342,0,"assert((0||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))", 1, 2, 0);
	trans[1][195]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][200] = settr(206,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(206,2,196,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(206,2,198,0,0,"IF", 1, 2, 0);
	trans[1][196]	= settr(202,2,197,343,0,"(((edl[e]&&(edg[e]==bgen[w]))&&0))", 1, 2, 0);
	trans[1][196]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][197]	= settr(203,2,202,344,344,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )", 1, 2, 0);
	trans[1][197]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][201]	= settr(207,2,202,1,0,".(goto)", 1, 2, 0);
	trans[1][198]	= settr(204,2,199,2,0,"else", 1, 2, 0);
	trans[1][198]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][199]	= settr(205,2,202,1,0,"(1)", 1, 2, 0);
	trans[1][199]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][202]	= settr(208,2,215,345,345,"edl[e] = 0", 1, 2, 0);
	trans[1][202]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][215] = settr(221,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(221,0,203,0,0,"sub-sequence", 1, 2, 0);
	trans[1][203]	= settr(209,2,204,346,346,"eact[e] = 0", 1, 2, 0);
	trans[1][203]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][204]	= settr(210,2,205,347,347,"estart[e] = 0", 1, 2, 0);
	trans[1][204]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][205]	= settr(211,2,206,348,348,"etok[e] = 0", 1, 2, 0);
	trans[1][205]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][206]	= settr(212,2,207,349,349,"eatt[e] = 0", 1, 2, 0);
	trans[1][206]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][207]	= settr(213,2,208,350,350,"ecid[e] = 0", 1, 2, 0);
	trans[1][207]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][208]	= settr(214,2,209,351,351,"eph[e] = 0", 1, 2, 0);
	trans[1][208]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][209]	= settr(215,2,210,352,352,"elost[e] = 0", 1, 2, 0);
	trans[1][209]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][210]	= settr(216,2,211,353,353,"ecan[e] = 0", 1, 2, 0);
	trans[1][210]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][211]	= settr(217,2,212,354,354,"hlive[e] = 0", 1, 2, 0);
	trans[1][211]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][212]	= settr(218,2,213,355,355,"eccr[e] = 0", 1, 2, 0);
	trans[1][212]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][213]	= settr(219,2,214,356,356,"hbs[e] = 0", 1, 2, 0);
	trans[1][213]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][214]	= settr(220,0,866,357,357,"hbt[e] = 0", 1, 2, 0);
	trans[1][214]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][218]	= settr(224,0,866,1,0,"goto done", 0, 2, 0);
	trans[1][218]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][247]	= settr(253,0,638,1,0,".(goto)", 0, 2, 0);
	trans[1][219]	= settr(225,0,220,358,358,"((r==2))", 0, 2, 0);
	trans[1][219]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][220]	= settr(226,0,638,1,0,"(1)", 0, 2, 0);
	trans[1][220]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][221]	= settr(227,0,244,359,359,"((r==3))", 0, 2, 0);
	trans[1][221]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][244] = settr(250,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(250,0,243,0,0,"sub-sequence", 0, 2, 0);
	T = trans[ 1][243] = settr(249,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(249,2,222,0,0,"ATOMIC", 1, 2, 0);
	trans[1][222]	= settr(228,2,227,360,0,"assert((1||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))", 1, 2, 0);
	trans[1][222]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][227] = settr(233,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(233,2,223,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(233,2,225,0,0,"IF", 1, 2, 0);
	trans[1][223]	= settr(229,2,224,361,0,"(((edl[e]&&(edg[e]==bgen[w]))&&1))", 1, 2, 0);
	trans[1][223]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][224]	= settr(230,2,229,362,362,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )", 1, 2, 0);
	trans[1][224]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][228]	= settr(234,2,229,1,0,".(goto)", 1, 2, 0);
	trans[1][225]	= settr(231,2,226,2,0,"else", 1, 2, 0);
	trans[1][225]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][226]	= settr(232,2,229,1,0,"(1)", 1, 2, 0);
	trans[1][226]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][229]	= settr(235,2,242,363,363,"edl[e] = 0", 1, 2, 0);
	trans[1][229]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][242] = settr(248,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(248,0,230,0,0,"sub-sequence", 1, 2, 0);
	trans[1][230]	= settr(236,2,231,364,364,"eact[e] = 0", 1, 2, 0);
	trans[1][230]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][231]	= settr(237,2,232,365,365,"estart[e] = 0", 1, 2, 0);
	trans[1][231]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][232]	= settr(238,2,233,366,366,"etok[e] = 0", 1, 2, 0);
	trans[1][232]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][233]	= settr(239,2,234,367,367,"eatt[e] = 0", 1, 2, 0);
	trans[1][233]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][234]	= settr(240,2,235,368,368,"ecid[e] = 0", 1, 2, 0);
	trans[1][234]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][235]	= settr(241,2,236,369,369,"eph[e] = 0", 1, 2, 0);
	trans[1][235]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][236]	= settr(242,2,237,370,370,"elost[e] = 0", 1, 2, 0);
	trans[1][236]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][237]	= settr(243,2,238,371,371,"ecan[e] = 0", 1, 2, 0);
	trans[1][237]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][238]	= settr(244,2,239,372,372,"hlive[e] = 0", 1, 2, 0);
	trans[1][238]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][239]	= settr(245,2,240,373,373,"eccr[e] = 0", 1, 2, 0);
	trans[1][239]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][240]	= settr(246,2,241,374,374,"hbs[e] = 0", 1, 2, 0);
	trans[1][240]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][241]	= settr(247,0,866,375,375,"hbt[e] = 0", 1, 2, 0);
	trans[1][241]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][245]	= settr(251,0,866,1,0,"goto done", 0, 2, 0);
	trans[1][245]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][368]	= settr(374,0,638,1,0,".(goto)", 0, 2, 0);
	trans[1][248]	= settr(254,0,251,376,376,"(((!(rcreq)&&(rst==1))&&rdue))", 0, 2, 0);
	trans[1][248]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][251] = settr(257,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(257,0,249,0,0,"sub-sequence", 0, 2, 0);
	trans[1][249]	= settr(255,0,250,377,377,"ncid = (ncid+1)", 1, 2, 0);
	trans[1][249]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][250]	= settr(256,0,307,378,378,"ecid[e] = ncid", 1, 2, 0);
	trans[1][250]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][307] = settr(313,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(313,2,252,0,0,"ATOMIC", 1, 2, 0);
	trans[1][252]	= settr(258,2,305,379,0,"((alive[w]&&!(paused[w])))", 1, 2, 0);
	trans[1][252]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][305] = settr(311,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(311,2,275,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(311,2,276,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(311,2,302,0,0,"IF", 1, 2, 0);
	T = trans[ 1][275] = settr(281,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(281,0,273,0,0,"sub-sequence", 1, 2, 0);
	T = trans[1][273] = settr(279,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(279,2,253,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(279,2,271,0,0,"IF", 1, 2, 0);
	trans[1][253]	= settr(259,2,254,380,0,"((((st==1)&&!(creq))&&due))", 1, 2, 0);
	trans[1][253]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][254]	= settr(260,2,255,381,381,"st = 3", 1, 2, 0);
	trans[1][254]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][255]	= settr(261,2,256,382,382,"owner = (w+1)", 1, 2, 0);
	trans[1][255]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][256]	= settr(262,2,259,383,383,"att = (att+1)", 1, 2, 0);
	trans[1][256]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][259] = settr(265,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(265,0,257,0,0,"sub-sequence", 1, 2, 0);
	trans[1][257]	= settr(263,2,258,384,384,"tok = (tok+1)", 1, 2, 0);
	trans[1][257]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][258]	= settr(264,2,260,385,0,"assert((tok<250))", 1, 2, 0);
	trans[1][258]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][260]	= settr(266,2,261,386,386,"cid = ecid[e]", 1, 2, 0);
	trans[1][260]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][261]	= settr(267,2,262,387,387,"pub = 1", 1, 2, 0);
	trans[1][261]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][262]	= settr(268,2,263,388,388,"expired = 0", 1, 2, 0);
	trans[1][262]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][263]	= settr(269,2,264,389,389,"etok[e] = tok", 1, 2, 0);
	trans[1][263]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][264]	= settr(270,2,265,390,390,"eatt[e] = att", 1, 2, 0);
	trans[1][264]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][265]	= settr(271,2,266,391,391,"eph[e] = 0", 1, 2, 0);
	trans[1][265]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][266]	= settr(272,2,269,392,392,"eccr[e] = creq", 1, 2, 0);
	trans[1][266]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][269] = settr(275,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(275,0,267,0,0,"sub-sequence", 1, 2, 0);
	trans[1][267]	= settr(273,2,268,393,0,"assert((etok[e]>maxftok))", 1, 2, 0);
	trans[1][267]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][268]	= settr(274,2,270,394,394,"maxftok = etok[e]", 1, 2, 0);
	trans[1][268]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][270]	= settr(276,2,274,395,395,"r = 1", 1, 2, 0);
	trans[1][270]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][274]	= settr(280,2,306,1,0,".(goto)", 1, 2, 0);
	trans[1][271]	= settr(277,2,272,2,0,"else", 1, 2, 0);
	trans[1][271]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][272]	= settr(278,2,274,396,396,"r = 2", 1, 2, 0);
	trans[1][272]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][306]	= settr(312,0,340,1,0,".(goto)", 1, 2, 0);
	trans[1][276]	= settr(282,2,277,397,0,"((faults<2))", 1, 2, 0);
	trans[1][276]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][277]	= settr(283,2,300,398,398,"faults = (faults+1)", 1, 2, 0);
	trans[1][277]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][300] = settr(306,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(306,0,298,0,0,"sub-sequence", 1, 2, 0);
	T = trans[1][298] = settr(304,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(304,2,278,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(304,2,296,0,0,"IF", 1, 2, 0);
	trans[1][278]	= settr(284,2,279,399,0,"((((st==1)&&!(creq))&&due))", 1, 2, 0);
	trans[1][278]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][279]	= settr(285,2,280,400,400,"st = 3", 1, 2, 0);
	trans[1][279]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][280]	= settr(286,2,281,401,401,"owner = (w+1)", 1, 2, 0);
	trans[1][280]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][281]	= settr(287,2,284,402,402,"att = (att+1)", 1, 2, 0);
	trans[1][281]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][284] = settr(290,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(290,0,282,0,0,"sub-sequence", 1, 2, 0);
	trans[1][282]	= settr(288,2,283,403,403,"tok = (tok+1)", 1, 2, 0);
	trans[1][282]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][283]	= settr(289,2,285,404,0,"assert((tok<250))", 1, 2, 0);
	trans[1][283]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][285]	= settr(291,2,286,405,405,"cid = ecid[e]", 1, 2, 0);
	trans[1][285]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][286]	= settr(292,2,287,406,406,"pub = 1", 1, 2, 0);
	trans[1][286]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][287]	= settr(293,2,288,407,407,"expired = 0", 1, 2, 0);
	trans[1][287]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][288]	= settr(294,2,289,408,408,"etok[e] = tok", 1, 2, 0);
	trans[1][288]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][289]	= settr(295,2,290,409,409,"eatt[e] = att", 1, 2, 0);
	trans[1][289]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][290]	= settr(296,2,291,410,410,"eph[e] = 0", 1, 2, 0);
	trans[1][290]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][291]	= settr(297,2,294,411,411,"eccr[e] = creq", 1, 2, 0);
	trans[1][291]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][294] = settr(300,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(300,0,292,0,0,"sub-sequence", 1, 2, 0);
	trans[1][292]	= settr(298,2,293,412,0,"assert((etok[e]>maxftok))", 1, 2, 0);
	trans[1][292]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][293]	= settr(299,2,295,413,413,"maxftok = etok[e]", 1, 2, 0);
	trans[1][293]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][295]	= settr(301,2,301,414,414,"r = 1", 1, 2, 0);
	trans[1][295]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][299]	= settr(305,2,301,1,0,".(goto)", 1, 2, 0);
	trans[1][296]	= settr(302,2,297,2,0,"else", 1, 2, 0);
	trans[1][296]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][297]	= settr(303,2,301,415,415,"r = 2", 1, 2, 0);
	trans[1][297]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][301]	= settr(307,2,306,416,416,"r = 3", 1, 2, 0);
	trans[1][301]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][302]	= settr(308,2,303,417,0,"((faults<2))", 1, 2, 0);
	trans[1][302]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][303]	= settr(309,2,304,418,418,"faults = (faults+1)", 1, 2, 0);
	trans[1][303]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][304]	= settr(310,2,306,419,419,"r = 3", 1, 2, 0);
	trans[1][304]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][340] = settr(346,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(346,0,308,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(346,0,310,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(346,0,338,0,0,"IF", 0, 2, 0);
	trans[1][308]	= settr(314,0,652,420,420,"((r==1))", 0, 2, 0);
	trans[1][308]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][309]	= settr(315,0,652,1,0,"goto running", 0, 2, 0);
	trans[1][309]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][341]	= settr(347,0,638,1,0,".(goto)", 0, 2, 0);
	trans[1][310]	= settr(316,0,336,421,421,"((r==3))", 0, 2, 0);
	trans[1][310]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][336] = settr(342,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(342,0,311,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(342,0,334,0,0,"IF", 0, 2, 0);
	trans[1][311]	= settr(317,0,307,1,0,"goto reclaim", 0, 2, 0);
	trans[1][311]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][337]	= settr(343,0,638,1,0,".(goto)", 0, 2, 0);
	T = trans[ 1][334] = settr(340,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(340,0,333,0,0,"sub-sequence", 0, 2, 0);
	T = trans[ 1][333] = settr(339,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(339,2,312,0,0,"ATOMIC", 1, 2, 0);
	trans[1][312]	= settr(318,2,317,422,0,"assert((1||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))", 1, 2, 0);
	trans[1][312]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][317] = settr(323,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(323,2,313,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(323,2,315,0,0,"IF", 1, 2, 0);
	trans[1][313]	= settr(319,2,314,423,0,"(((edl[e]&&(edg[e]==bgen[w]))&&1))", 1, 2, 0);
	trans[1][313]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][314]	= settr(320,2,319,424,424,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )", 1, 2, 0);
	trans[1][314]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][318]	= settr(324,2,319,1,0,".(goto)", 1, 2, 0);
	trans[1][315]	= settr(321,2,316,2,0,"else", 1, 2, 0);
	trans[1][315]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][316]	= settr(322,2,319,1,0,"(1)", 1, 2, 0);
	trans[1][316]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][319]	= settr(325,2,332,425,425,"edl[e] = 0", 1, 2, 0);
	trans[1][319]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][332] = settr(338,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(338,0,320,0,0,"sub-sequence", 1, 2, 0);
	trans[1][320]	= settr(326,2,321,426,426,"eact[e] = 0", 1, 2, 0);
	trans[1][320]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][321]	= settr(327,2,322,427,427,"estart[e] = 0", 1, 2, 0);
	trans[1][321]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][322]	= settr(328,2,323,428,428,"etok[e] = 0", 1, 2, 0);
	trans[1][322]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][323]	= settr(329,2,324,429,429,"eatt[e] = 0", 1, 2, 0);
	trans[1][323]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][324]	= settr(330,2,325,430,430,"ecid[e] = 0", 1, 2, 0);
	trans[1][324]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][325]	= settr(331,2,326,431,431,"eph[e] = 0", 1, 2, 0);
	trans[1][325]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][326]	= settr(332,2,327,432,432,"elost[e] = 0", 1, 2, 0);
	trans[1][326]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][327]	= settr(333,2,328,433,433,"ecan[e] = 0", 1, 2, 0);
	trans[1][327]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][328]	= settr(334,2,329,434,434,"hlive[e] = 0", 1, 2, 0);
	trans[1][328]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][329]	= settr(335,2,330,435,435,"eccr[e] = 0", 1, 2, 0);
	trans[1][329]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][330]	= settr(336,2,331,436,436,"hbs[e] = 0", 1, 2, 0);
	trans[1][330]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][331]	= settr(337,0,866,437,437,"hbt[e] = 0", 1, 2, 0);
	trans[1][331]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][335]	= settr(341,0,866,1,0,"goto done", 0, 2, 0);
	trans[1][335]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][338]	= settr(344,0,339,438,438,"((r==2))", 0, 2, 0);
	trans[1][338]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][339]	= settr(345,0,638,1,0,"(1)", 0, 2, 0);
	trans[1][339]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][342]	= settr(348,0,365,2,0,"else", 0, 2, 0);
	trans[1][342]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][365] = settr(371,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(371,0,364,0,0,"sub-sequence", 0, 2, 0);
	T = trans[ 1][364] = settr(370,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(370,2,343,0,0,"ATOMIC", 1, 2, 0);
	trans[1][343]	= settr(349,2,348,439,0,"assert((0||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))", 1, 2, 0);
	trans[1][343]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][348] = settr(354,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(354,2,344,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(354,2,346,0,0,"IF", 1, 2, 0);
	trans[1][344]	= settr(350,2,345,440,0,"(((edl[e]&&(edg[e]==bgen[w]))&&0))", 1, 2, 0);
	trans[1][344]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][345]	= settr(351,2,350,441,441,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )", 1, 2, 0);
	trans[1][345]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][349]	= settr(355,2,350,1,0,".(goto)", 1, 2, 0);
	trans[1][346]	= settr(352,2,347,2,0,"else", 1, 2, 0);
	trans[1][346]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][347]	= settr(353,2,350,1,0,"(1)", 1, 2, 0);
	trans[1][347]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][350]	= settr(356,2,363,442,442,"edl[e] = 0", 1, 2, 0);
	trans[1][350]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][363] = settr(369,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(369,0,351,0,0,"sub-sequence", 1, 2, 0);
	trans[1][351]	= settr(357,2,352,443,443,"eact[e] = 0", 1, 2, 0);
	trans[1][351]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][352]	= settr(358,2,353,444,444,"estart[e] = 0", 1, 2, 0);
	trans[1][352]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][353]	= settr(359,2,354,445,445,"etok[e] = 0", 1, 2, 0);
	trans[1][353]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][354]	= settr(360,2,355,446,446,"eatt[e] = 0", 1, 2, 0);
	trans[1][354]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][355]	= settr(361,2,356,447,447,"ecid[e] = 0", 1, 2, 0);
	trans[1][355]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][356]	= settr(362,2,357,448,448,"eph[e] = 0", 1, 2, 0);
	trans[1][356]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][357]	= settr(363,2,358,449,449,"elost[e] = 0", 1, 2, 0);
	trans[1][357]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][358]	= settr(364,2,359,450,450,"ecan[e] = 0", 1, 2, 0);
	trans[1][358]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][359]	= settr(365,2,360,451,451,"hlive[e] = 0", 1, 2, 0);
	trans[1][359]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][360]	= settr(366,2,361,452,452,"eccr[e] = 0", 1, 2, 0);
	trans[1][360]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][361]	= settr(367,2,362,453,453,"hbs[e] = 0", 1, 2, 0);
	trans[1][361]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][362]	= settr(368,0,866,454,454,"hbt[e] = 0", 1, 2, 0);
	trans[1][362]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][366]	= settr(372,0,866,1,0,"goto done", 0, 2, 0);
	trans[1][366]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][369]	= settr(375,0,391,455,455,"((((rst==3)&&(rown==(w+1)))&&(rcid==ecid[e])))", 1, 2, 0);
	trans[1][369]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][391] = settr(397,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(397,2,370,0,0,"ATOMIC", 1, 2, 0);
	trans[1][370]	= settr(376,2,389,456,0,"((alive[w]&&!(paused[w])))", 1, 2, 0);
	trans[1][370]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][389] = settr(395,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(395,2,375,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(395,2,377,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(395,2,386,0,0,"IF", 1, 2, 0);
	T = trans[1][375] = settr(381,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(381,2,371,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(381,2,373,0,0,"IF", 1, 2, 0);
	trans[1][371]	= settr(377,2,372,457,0,"((((st==3)&&(owner==(w+1)))&&(cid==ecid[e])))", 1, 2, 0);
	trans[1][371]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][372]	= settr(378,2,376,458,458,"r = 1", 1, 2, 0);
	trans[1][372]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][376]	= settr(382,2,390,1,0,".(goto)", 1, 2, 0);
	trans[1][373]	= settr(379,2,374,2,0,"else", 1, 2, 0);
	trans[1][373]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][374]	= settr(380,2,376,459,459,"r = 2", 1, 2, 0);
	trans[1][374]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][390]	= settr(396,0,421,1,0,".(goto)", 1, 2, 0);
	trans[1][377]	= settr(383,2,378,460,0,"((faults<2))", 1, 2, 0);
	trans[1][377]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][378]	= settr(384,2,383,461,461,"faults = (faults+1)", 1, 2, 0);
	trans[1][378]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][383] = settr(389,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(389,2,379,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(389,2,381,0,0,"IF", 1, 2, 0);
	trans[1][379]	= settr(385,2,380,462,0,"((((st==3)&&(owner==(w+1)))&&(cid==ecid[e])))", 1, 2, 0);
	trans[1][379]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][380]	= settr(386,2,385,463,463,"r = 1", 1, 2, 0);
	trans[1][380]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][384]	= settr(390,2,385,1,0,".(goto)", 1, 2, 0);
	trans[1][381]	= settr(387,2,382,2,0,"else", 1, 2, 0);
	trans[1][381]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][382]	= settr(388,2,385,464,464,"r = 2", 1, 2, 0);
	trans[1][382]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][385]	= settr(391,2,390,465,465,"r = 3", 1, 2, 0);
	trans[1][385]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][386]	= settr(392,2,387,466,0,"((faults<2))", 1, 2, 0);
	trans[1][386]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][387]	= settr(393,2,388,467,467,"faults = (faults+1)", 1, 2, 0);
	trans[1][387]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][388]	= settr(394,2,390,468,468,"r = 3", 1, 2, 0);
	trans[1][388]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][421] = settr(427,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(427,0,392,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(427,0,394,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(427,0,396,0,0,"IF", 0, 2, 0);
	trans[1][392]	= settr(398,0,652,469,469,"((r==1))", 0, 2, 0);
	trans[1][392]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][393]	= settr(399,0,652,1,0,"goto running", 0, 2, 0);
	trans[1][393]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][422]	= settr(428,0,638,1,0,".(goto)", 0, 2, 0);
	trans[1][394]	= settr(400,0,395,470,470,"((r==2))", 0, 2, 0);
	trans[1][394]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][395]	= settr(401,0,638,1,0,"(1)", 0, 2, 0);
	trans[1][395]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][396]	= settr(402,0,419,471,471,"((r==3))", 0, 2, 0);
	trans[1][396]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][419] = settr(425,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(425,0,418,0,0,"sub-sequence", 0, 2, 0);
	T = trans[ 1][418] = settr(424,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(424,2,397,0,0,"ATOMIC", 1, 2, 0);
	trans[1][397]	= settr(403,2,402,472,0,"assert((1||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))", 1, 2, 0);
	trans[1][397]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][402] = settr(408,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(408,2,398,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(408,2,400,0,0,"IF", 1, 2, 0);
	trans[1][398]	= settr(404,2,399,473,0,"(((edl[e]&&(edg[e]==bgen[w]))&&1))", 1, 2, 0);
	trans[1][398]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][399]	= settr(405,2,404,474,474,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )", 1, 2, 0);
	trans[1][399]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][403]	= settr(409,2,404,1,0,".(goto)", 1, 2, 0);
	trans[1][400]	= settr(406,2,401,2,0,"else", 1, 2, 0);
	trans[1][400]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][401]	= settr(407,2,404,1,0,"(1)", 1, 2, 0);
	trans[1][401]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][404]	= settr(410,2,417,475,475,"edl[e] = 0", 1, 2, 0);
	trans[1][404]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][417] = settr(423,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(423,0,405,0,0,"sub-sequence", 1, 2, 0);
	trans[1][405]	= settr(411,2,406,476,476,"eact[e] = 0", 1, 2, 0);
	trans[1][405]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][406]	= settr(412,2,407,477,477,"estart[e] = 0", 1, 2, 0);
	trans[1][406]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][407]	= settr(413,2,408,478,478,"etok[e] = 0", 1, 2, 0);
	trans[1][407]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][408]	= settr(414,2,409,479,479,"eatt[e] = 0", 1, 2, 0);
	trans[1][408]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][409]	= settr(415,2,410,480,480,"ecid[e] = 0", 1, 2, 0);
	trans[1][409]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][410]	= settr(416,2,411,481,481,"eph[e] = 0", 1, 2, 0);
	trans[1][410]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][411]	= settr(417,2,412,482,482,"elost[e] = 0", 1, 2, 0);
	trans[1][411]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][412]	= settr(418,2,413,483,483,"ecan[e] = 0", 1, 2, 0);
	trans[1][412]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][413]	= settr(419,2,414,484,484,"hlive[e] = 0", 1, 2, 0);
	trans[1][413]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][414]	= settr(420,2,415,485,485,"eccr[e] = 0", 1, 2, 0);
	trans[1][414]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][415]	= settr(421,2,416,486,486,"hbs[e] = 0", 1, 2, 0);
	trans[1][415]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][416]	= settr(422,0,866,487,487,"hbt[e] = 0", 1, 2, 0);
	trans[1][416]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][420]	= settr(426,0,866,1,0,"goto done", 0, 2, 0);
	trans[1][420]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][423]	= settr(429,0,449,488,488,"((((rst==3)&&(rown==(w+1)))&&(rcid!=ecid[e])))", 1, 2, 0);
	trans[1][423]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][449] = settr(455,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(455,2,424,0,0,"ATOMIC", 1, 2, 0);
	trans[1][424]	= settr(430,2,447,489,489,"found = 0", 1, 2, 0);
	trans[1][424]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][447] = settr(453,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(453,2,425,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(453,2,435,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(453,2,445,0,0,"IF", 1, 2, 0);
	trans[1][425]	= settr(431,2,426,490,0,"((((e!=0)&&eact[0])&&(( ((0<2)) -> (0) : (1) )==w)))", 1, 2, 0);
	trans[1][425]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][426]	= settr(432,2,433,491,491,"found = 1", 1, 2, 0);
	trans[1][426]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][433] = settr(439,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(439,2,427,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(439,2,431,0,0,"IF", 1, 2, 0);
	trans[1][427]	= settr(433,2,428,492,0,"((edg[e]>edg[0]))", 1, 2, 0);
	trans[1][427]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][428]	= settr(434,2,429,493,493,"edg[0] = edg[e]", 1, 2, 0);
	trans[1][428]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][429]	= settr(435,2,430,494,494,"edl[0] = edl[e]", 1, 2, 0);
	trans[1][429]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][430]	= settr(436,2,434,495,495,"edl[e] = 0", 1, 2, 0);
	trans[1][430]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][434]	= settr(440,2,448,1,0,".(goto)", 1, 2, 0);
	trans[1][431]	= settr(437,2,432,2,0,"else", 1, 2, 0);
	trans[1][431]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][432]	= settr(438,2,434,1,0,"(1)", 1, 2, 0);
	trans[1][432]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][448]	= settr(454,0,478,1,0,".(goto)", 1, 2, 0);
	trans[1][435]	= settr(441,2,436,496,0,"((((e!=1)&&eact[1])&&(( ((1<2)) -> (0) : (1) )==w)))", 1, 2, 0);
	trans[1][435]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][436]	= settr(442,2,443,497,497,"found = 1", 1, 2, 0);
	trans[1][436]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][443] = settr(449,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(449,2,437,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(449,2,441,0,0,"IF", 1, 2, 0);
	trans[1][437]	= settr(443,2,438,498,0,"((edg[e]>edg[1]))", 1, 2, 0);
	trans[1][437]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][438]	= settr(444,2,439,499,499,"edg[1] = edg[e]", 1, 2, 0);
	trans[1][438]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][439]	= settr(445,2,440,500,500,"edl[1] = edl[e]", 1, 2, 0);
	trans[1][439]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][440]	= settr(446,2,444,501,501,"edl[e] = 0", 1, 2, 0);
	trans[1][440]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][444]	= settr(450,2,448,1,0,".(goto)", 1, 2, 0);
	trans[1][441]	= settr(447,2,442,2,0,"else", 1, 2, 0);
	trans[1][441]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][442]	= settr(448,2,444,1,0,"(1)", 1, 2, 0);
	trans[1][442]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][445]	= settr(451,2,446,2,0,"else", 1, 2, 0);
	trans[1][445]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][446]	= settr(452,2,448,1,0,"(1)", 1, 2, 0);
	trans[1][446]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][478] = settr(484,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(484,0,450,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(484,0,475,0,0,"IF", 0, 2, 0);
	trans[1][450]	= settr(456,0,473,502,502,"(found)", 0, 2, 0);
	trans[1][450]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][473] = settr(479,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(479,0,472,0,0,"sub-sequence", 0, 2, 0);
	T = trans[ 1][472] = settr(478,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(478,2,451,0,0,"ATOMIC", 1, 2, 0);
	trans[1][451]	= settr(457,2,456,503,0,"assert((0||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))", 1, 2, 0);
	trans[1][451]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][456] = settr(462,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(462,2,452,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(462,2,454,0,0,"IF", 1, 2, 0);
	trans[1][452]	= settr(458,2,453,504,0,"(((edl[e]&&(edg[e]==bgen[w]))&&0))", 1, 2, 0);
	trans[1][452]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][453]	= settr(459,2,458,505,505,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )", 1, 2, 0);
	trans[1][453]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][457]	= settr(463,2,458,1,0,".(goto)", 1, 2, 0);
	trans[1][454]	= settr(460,2,455,2,0,"else", 1, 2, 0);
	trans[1][454]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][455]	= settr(461,2,458,1,0,"(1)", 1, 2, 0);
	trans[1][455]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][458]	= settr(464,2,471,506,506,"edl[e] = 0", 1, 2, 0);
	trans[1][458]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][471] = settr(477,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(477,0,459,0,0,"sub-sequence", 1, 2, 0);
	trans[1][459]	= settr(465,2,460,507,507,"eact[e] = 0", 1, 2, 0);
	trans[1][459]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][460]	= settr(466,2,461,508,508,"estart[e] = 0", 1, 2, 0);
	trans[1][460]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][461]	= settr(467,2,462,509,509,"etok[e] = 0", 1, 2, 0);
	trans[1][461]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][462]	= settr(468,2,463,510,510,"eatt[e] = 0", 1, 2, 0);
	trans[1][462]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][463]	= settr(469,2,464,511,511,"ecid[e] = 0", 1, 2, 0);
	trans[1][463]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][464]	= settr(470,2,465,512,512,"eph[e] = 0", 1, 2, 0);
	trans[1][464]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][465]	= settr(471,2,466,513,513,"elost[e] = 0", 1, 2, 0);
	trans[1][465]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][466]	= settr(472,2,467,514,514,"ecan[e] = 0", 1, 2, 0);
	trans[1][466]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][467]	= settr(473,2,468,515,515,"hlive[e] = 0", 1, 2, 0);
	trans[1][467]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][468]	= settr(474,2,469,516,516,"eccr[e] = 0", 1, 2, 0);
	trans[1][468]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][469]	= settr(475,2,470,517,517,"hbs[e] = 0", 1, 2, 0);
	trans[1][469]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][470]	= settr(476,0,866,518,518,"hbt[e] = 0", 1, 2, 0);
	trans[1][470]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][474]	= settr(480,0,866,1,0,"goto done", 0, 2, 0);
	trans[1][474]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][479]	= settr(485,0,638,1,0,".(goto)", 0, 2, 0);
	trans[1][475]	= settr(481,0,476,2,0,"else", 0, 2, 0);
	trans[1][475]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][476]	= settr(482,0,521,519,519,"dead = 1", 0, 2, 0);
	trans[1][476]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][477]	= settr(483,0,521,1,0,"goto takeover", 0, 2, 0);
	trans[1][477]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][480]	= settr(486,0,481,520,520,"((((rst==3)&&(rown!=(w+1)))&&rexp))", 0, 2, 0);
	trans[1][480]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][481]	= settr(487,0,521,521,521,"dead = 0", 0, 2, 0);
	trans[1][481]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][482]	= settr(488,0,521,1,0,"goto takeover", 0, 2, 0);
	trans[1][482]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][483]	= settr(489,0,486,522,522,"((((rst==3)&&(rown!=(w+1)))&&!(rexp)))", 0, 2, 0);
	trans[1][483]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][486] = settr(492,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(492,2,484,0,0,"ATOMIC", 1, 2, 0);
	trans[1][484]	= settr(490,2,485,523,0,"((alive[w]&&!(paused[w])))", 1, 2, 0);
	trans[1][484]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][485]	= settr(491,0,514,524,524,"dead = !(lock[(rown-1)])", 1, 2, 0);
	trans[1][485]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][514] = settr(520,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(520,0,487,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(520,0,489,0,0,"IF", 0, 2, 0);
	trans[1][487]	= settr(493,0,521,525,0,"(dead)", 0, 2, 0);
	trans[1][487]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][488]	= settr(494,0,521,1,0,"goto takeover", 0, 2, 0);
	trans[1][488]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][515]	= settr(521,0,638,1,0,".(goto)", 0, 2, 0);
	trans[1][489]	= settr(495,0,512,2,0,"else", 0, 2, 0);
	trans[1][489]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][512] = settr(518,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(518,0,511,0,0,"sub-sequence", 0, 2, 0);
	T = trans[ 1][511] = settr(517,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(517,2,490,0,0,"ATOMIC", 1, 2, 0);
	trans[1][490]	= settr(496,2,495,526,0,"assert((0||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))", 1, 2, 0);
	trans[1][490]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][495] = settr(501,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(501,2,491,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(501,2,493,0,0,"IF", 1, 2, 0);
	trans[1][491]	= settr(497,2,492,527,0,"(((edl[e]&&(edg[e]==bgen[w]))&&0))", 1, 2, 0);
	trans[1][491]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][492]	= settr(498,2,497,528,528,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )", 1, 2, 0);
	trans[1][492]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][496]	= settr(502,2,497,1,0,".(goto)", 1, 2, 0);
	trans[1][493]	= settr(499,2,494,2,0,"else", 1, 2, 0);
	trans[1][493]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][494]	= settr(500,2,497,1,0,"(1)", 1, 2, 0);
	trans[1][494]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][497]	= settr(503,2,510,529,529,"edl[e] = 0", 1, 2, 0);
	trans[1][497]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][510] = settr(516,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(516,0,498,0,0,"sub-sequence", 1, 2, 0);
	trans[1][498]	= settr(504,2,499,530,530,"eact[e] = 0", 1, 2, 0);
	trans[1][498]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][499]	= settr(505,2,500,531,531,"estart[e] = 0", 1, 2, 0);
	trans[1][499]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][500]	= settr(506,2,501,532,532,"etok[e] = 0", 1, 2, 0);
	trans[1][500]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][501]	= settr(507,2,502,533,533,"eatt[e] = 0", 1, 2, 0);
	trans[1][501]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][502]	= settr(508,2,503,534,534,"ecid[e] = 0", 1, 2, 0);
	trans[1][502]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][503]	= settr(509,2,504,535,535,"eph[e] = 0", 1, 2, 0);
	trans[1][503]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][504]	= settr(510,2,505,536,536,"elost[e] = 0", 1, 2, 0);
	trans[1][504]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][505]	= settr(511,2,506,537,537,"ecan[e] = 0", 1, 2, 0);
	trans[1][505]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][506]	= settr(512,2,507,538,538,"hlive[e] = 0", 1, 2, 0);
	trans[1][506]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][507]	= settr(513,2,508,539,539,"eccr[e] = 0", 1, 2, 0);
	trans[1][507]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][508]	= settr(514,2,509,540,540,"hbs[e] = 0", 1, 2, 0);
	trans[1][508]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][509]	= settr(515,0,866,541,541,"hbt[e] = 0", 1, 2, 0);
	trans[1][509]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][513]	= settr(519,0,866,1,0,"goto done", 0, 2, 0);
	trans[1][513]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][518]	= settr(524,0,638,1,0,"goto next", 0, 2, 0);
	trans[1][518]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][521] = settr(527,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(527,0,519,0,0,"sub-sequence", 0, 2, 0);
	trans[1][519]	= settr(525,0,520,542,542,"ncid = (ncid+1)", 1, 2, 0);
	trans[1][519]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][520]	= settr(526,0,603,543,543,"ecid[e] = ncid", 1, 2, 0);
	trans[1][520]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][603] = settr(609,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(609,2,522,0,0,"ATOMIC", 1, 2, 0);
	trans[1][522]	= settr(528,2,601,544,0,"((alive[w]&&!(paused[w])))", 1, 2, 0);
	trans[1][522]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][601] = settr(607,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(607,2,558,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(607,2,559,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(607,2,598,0,0,"IF", 1, 2, 0);
	T = trans[ 1][558] = settr(564,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(564,0,556,0,0,"sub-sequence", 1, 2, 0);
	T = trans[1][556] = settr(562,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(562,2,523,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(562,2,554,0,0,"IF", 1, 2, 0);
	trans[1][523]	= settr(529,2,526,545,0,"(((((st==3)&&(owner==rown))&&(tok==rtok))&&(dead||expired)))", 1, 2, 0);
	trans[1][523]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][526] = settr(532,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(532,0,524,0,0,"sub-sequence", 1, 2, 0);
	trans[1][524]	= settr(530,2,525,546,546,"tok = (tok+1)", 1, 2, 0);
	trans[1][524]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][525]	= settr(531,2,527,547,0,"assert((tok<250))", 1, 2, 0);
	trans[1][525]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][527]	= settr(533,2,528,548,548,"expired = 0", 1, 2, 0);
	trans[1][527]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][528]	= settr(534,2,552,549,549,"eccr[e] = creq", 1, 2, 0);
	trans[1][528]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][552] = settr(558,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(558,2,529,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(558,2,535,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(558,2,541,0,0,"IF", 1, 2, 0);
	trans[1][529]	= settr(535,2,530,550,0,"(creq)", 1, 2, 0);
	trans[1][529]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][530]	= settr(536,2,533,551,551,"st = 6", 1, 2, 0);
	trans[1][530]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][533] = settr(539,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(539,0,531,0,0,"sub-sequence", 1, 2, 0);
	trans[1][531]	= settr(537,2,532,552,552,"terms = (terms+1)", 1, 2, 0);
	trans[1][531]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][532]	= settr(538,2,534,553,0,"assert((terms<=runs))", 1, 2, 0);
	trans[1][532]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][534]	= settr(540,2,557,554,554,"r = 2", 1, 2, 0);
	trans[1][534]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][553]	= settr(559,2,557,1,0,".(goto)", 1, 2, 0);
	trans[1][535]	= settr(541,2,536,555,0,"((!(creq)&&(att>=2)))", 1, 2, 0);
	trans[1][535]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][536]	= settr(542,2,539,556,556,"st = 5", 1, 2, 0);
	trans[1][536]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][539] = settr(545,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(545,0,537,0,0,"sub-sequence", 1, 2, 0);
	trans[1][537]	= settr(543,2,538,557,557,"terms = (terms+1)", 1, 2, 0);
	trans[1][537]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][538]	= settr(544,2,540,558,0,"assert((terms<=runs))", 1, 2, 0);
	trans[1][538]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][540]	= settr(546,2,557,559,559,"r = 2", 1, 2, 0);
	trans[1][540]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][541]	= settr(547,2,542,2,0,"else", 1, 2, 0);
	trans[1][541]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][542]	= settr(548,2,543,560,560,"owner = (w+1)", 1, 2, 0);
	trans[1][542]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][543]	= settr(549,2,544,561,561,"att = (att+1)", 1, 2, 0);
	trans[1][543]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][544]	= settr(550,2,545,562,562,"cid = ecid[e]", 1, 2, 0);
	trans[1][544]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][545]	= settr(551,2,546,563,563,"etok[e] = tok", 1, 2, 0);
	trans[1][545]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][546]	= settr(552,2,547,564,564,"eatt[e] = att", 1, 2, 0);
	trans[1][546]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][547]	= settr(553,2,550,565,565,"eph[e] = 0", 1, 2, 0);
	trans[1][547]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][550] = settr(556,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(556,0,548,0,0,"sub-sequence", 1, 2, 0);
	trans[1][548]	= settr(554,2,549,566,0,"assert((etok[e]>maxftok))", 1, 2, 0);
	trans[1][548]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][549]	= settr(555,2,551,567,567,"maxftok = etok[e]", 1, 2, 0);
	trans[1][549]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][551]	= settr(557,2,557,568,568,"r = 1", 1, 2, 0);
	trans[1][551]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][557]	= settr(563,2,602,1,0,".(goto)", 1, 2, 0);
	trans[1][554]	= settr(560,2,555,2,0,"else", 1, 2, 0);
	trans[1][554]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][555]	= settr(561,2,557,569,569,"r = 2", 1, 2, 0);
	trans[1][555]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][602]	= settr(608,0,636,1,0,".(goto)", 1, 2, 0);
	trans[1][559]	= settr(565,2,560,570,0,"((faults<2))", 1, 2, 0);
	trans[1][559]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][560]	= settr(566,2,596,571,571,"faults = (faults+1)", 1, 2, 0);
	trans[1][560]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][596] = settr(602,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(602,0,594,0,0,"sub-sequence", 1, 2, 0);
	T = trans[1][594] = settr(600,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(600,2,561,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(600,2,592,0,0,"IF", 1, 2, 0);
	trans[1][561]	= settr(567,2,564,572,0,"(((((st==3)&&(owner==rown))&&(tok==rtok))&&(dead||expired)))", 1, 2, 0);
	trans[1][561]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][564] = settr(570,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(570,0,562,0,0,"sub-sequence", 1, 2, 0);
	trans[1][562]	= settr(568,2,563,573,573,"tok = (tok+1)", 1, 2, 0);
	trans[1][562]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][563]	= settr(569,2,565,574,0,"assert((tok<250))", 1, 2, 0);
	trans[1][563]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][565]	= settr(571,2,566,575,575,"expired = 0", 1, 2, 0);
	trans[1][565]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][566]	= settr(572,2,590,576,576,"eccr[e] = creq", 1, 2, 0);
	trans[1][566]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][590] = settr(596,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(596,2,567,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(596,2,573,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(596,2,579,0,0,"IF", 1, 2, 0);
	trans[1][567]	= settr(573,2,568,577,0,"(creq)", 1, 2, 0);
	trans[1][567]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][568]	= settr(574,2,571,578,578,"st = 6", 1, 2, 0);
	trans[1][568]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][571] = settr(577,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(577,0,569,0,0,"sub-sequence", 1, 2, 0);
	trans[1][569]	= settr(575,2,570,579,579,"terms = (terms+1)", 1, 2, 0);
	trans[1][569]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][570]	= settr(576,2,572,580,0,"assert((terms<=runs))", 1, 2, 0);
	trans[1][570]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][572]	= settr(578,2,597,581,581,"r = 2", 1, 2, 0);
	trans[1][572]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][591]	= settr(597,2,597,1,0,".(goto)", 1, 2, 0);
	trans[1][573]	= settr(579,2,574,582,0,"((!(creq)&&(att>=2)))", 1, 2, 0);
	trans[1][573]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][574]	= settr(580,2,577,583,583,"st = 5", 1, 2, 0);
	trans[1][574]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][577] = settr(583,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(583,0,575,0,0,"sub-sequence", 1, 2, 0);
	trans[1][575]	= settr(581,2,576,584,584,"terms = (terms+1)", 1, 2, 0);
	trans[1][575]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][576]	= settr(582,2,578,585,0,"assert((terms<=runs))", 1, 2, 0);
	trans[1][576]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][578]	= settr(584,2,597,586,586,"r = 2", 1, 2, 0);
	trans[1][578]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][579]	= settr(585,2,580,2,0,"else", 1, 2, 0);
	trans[1][579]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][580]	= settr(586,2,581,587,587,"owner = (w+1)", 1, 2, 0);
	trans[1][580]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][581]	= settr(587,2,582,588,588,"att = (att+1)", 1, 2, 0);
	trans[1][581]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][582]	= settr(588,2,583,589,589,"cid = ecid[e]", 1, 2, 0);
	trans[1][582]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][583]	= settr(589,2,584,590,590,"etok[e] = tok", 1, 2, 0);
	trans[1][583]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][584]	= settr(590,2,585,591,591,"eatt[e] = att", 1, 2, 0);
	trans[1][584]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][585]	= settr(591,2,588,592,592,"eph[e] = 0", 1, 2, 0);
	trans[1][585]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][588] = settr(594,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(594,0,586,0,0,"sub-sequence", 1, 2, 0);
	trans[1][586]	= settr(592,2,587,593,0,"assert((etok[e]>maxftok))", 1, 2, 0);
	trans[1][586]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][587]	= settr(593,2,589,594,594,"maxftok = etok[e]", 1, 2, 0);
	trans[1][587]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][589]	= settr(595,2,597,595,595,"r = 1", 1, 2, 0);
	trans[1][589]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][595]	= settr(601,2,597,1,0,".(goto)", 1, 2, 0);
	trans[1][592]	= settr(598,2,593,2,0,"else", 1, 2, 0);
	trans[1][592]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][593]	= settr(599,2,597,596,596,"r = 2", 1, 2, 0);
	trans[1][593]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][597]	= settr(603,2,602,597,597,"r = 3", 1, 2, 0);
	trans[1][597]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][598]	= settr(604,2,599,598,0,"((faults<2))", 1, 2, 0);
	trans[1][598]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][599]	= settr(605,2,600,599,599,"faults = (faults+1)", 1, 2, 0);
	trans[1][599]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][600]	= settr(606,2,602,600,600,"r = 3", 1, 2, 0);
	trans[1][600]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][636] = settr(642,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(642,0,604,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(642,0,606,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(642,0,634,0,0,"IF", 0, 2, 0);
	trans[1][604]	= settr(610,0,652,601,601,"((r==1))", 0, 2, 0);
	trans[1][604]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][605]	= settr(611,0,652,1,0,"goto running", 0, 2, 0);
	trans[1][605]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][637]	= settr(643,0,638,1,0,".(goto)", 0, 2, 0);
	trans[1][606]	= settr(612,0,632,602,602,"((r==3))", 0, 2, 0);
	trans[1][606]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][632] = settr(638,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(638,0,607,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(638,0,630,0,0,"IF", 0, 2, 0);
	trans[1][607]	= settr(613,0,603,1,0,"goto retake", 0, 2, 0);
	trans[1][607]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][633]	= settr(639,0,638,1,0,".(goto)", 0, 2, 0);
	T = trans[ 1][630] = settr(636,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(636,0,629,0,0,"sub-sequence", 0, 2, 0);
	T = trans[ 1][629] = settr(635,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(635,2,608,0,0,"ATOMIC", 1, 2, 0);
	trans[1][608]	= settr(614,2,613,603,0,"assert((1||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))", 1, 2, 0);
	trans[1][608]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][613] = settr(619,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(619,2,609,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(619,2,611,0,0,"IF", 1, 2, 0);
	trans[1][609]	= settr(615,2,610,604,0,"(((edl[e]&&(edg[e]==bgen[w]))&&1))", 1, 2, 0);
	trans[1][609]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][610]	= settr(616,2,615,605,605,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )", 1, 2, 0);
	trans[1][610]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][614]	= settr(620,2,615,1,0,".(goto)", 1, 2, 0);
	trans[1][611]	= settr(617,2,612,2,0,"else", 1, 2, 0);
	trans[1][611]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][612]	= settr(618,2,615,1,0,"(1)", 1, 2, 0);
	trans[1][612]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][615]	= settr(621,2,628,606,606,"edl[e] = 0", 1, 2, 0);
	trans[1][615]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][628] = settr(634,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(634,0,616,0,0,"sub-sequence", 1, 2, 0);
	trans[1][616]	= settr(622,2,617,607,607,"eact[e] = 0", 1, 2, 0);
	trans[1][616]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][617]	= settr(623,2,618,608,608,"estart[e] = 0", 1, 2, 0);
	trans[1][617]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][618]	= settr(624,2,619,609,609,"etok[e] = 0", 1, 2, 0);
	trans[1][618]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][619]	= settr(625,2,620,610,610,"eatt[e] = 0", 1, 2, 0);
	trans[1][619]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][620]	= settr(626,2,621,611,611,"ecid[e] = 0", 1, 2, 0);
	trans[1][620]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][621]	= settr(627,2,622,612,612,"eph[e] = 0", 1, 2, 0);
	trans[1][621]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][622]	= settr(628,2,623,613,613,"elost[e] = 0", 1, 2, 0);
	trans[1][622]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][623]	= settr(629,2,624,614,614,"ecan[e] = 0", 1, 2, 0);
	trans[1][623]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][624]	= settr(630,2,625,615,615,"hlive[e] = 0", 1, 2, 0);
	trans[1][624]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][625]	= settr(631,2,626,616,616,"eccr[e] = 0", 1, 2, 0);
	trans[1][625]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][626]	= settr(632,2,627,617,617,"hbs[e] = 0", 1, 2, 0);
	trans[1][626]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][627]	= settr(633,0,866,618,618,"hbt[e] = 0", 1, 2, 0);
	trans[1][627]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][631]	= settr(637,0,866,1,0,"goto done", 0, 2, 0);
	trans[1][631]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][634]	= settr(640,0,635,619,619,"((r==2))", 0, 2, 0);
	trans[1][634]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][635]	= settr(641,0,638,1,0,"(1)", 0, 2, 0);
	trans[1][635]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][638]	= settr(644,0,639,1,0,"(1)", 0, 2, 0);
	trans[1][638]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][641]	= settr(647,0,652,1,0,"break", 0, 2, 0);
	trans[1][641]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][652] = settr(658,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(658,0,651,0,0,"sub-sequence", 0, 2, 0);
	T = trans[ 1][651] = settr(657,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(657,2,642,0,0,"ATOMIC", 1, 2, 0);
	trans[1][642]	= settr(648,2,647,620,620,"estart[e] = 1", 1, 2, 0);
	trans[1][642]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][647] = settr(653,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(653,2,643,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(653,2,645,0,0,"IF", 1, 2, 0);
	trans[1][643]	= settr(649,2,644,621,0,"((eph[e]>=1))", 1, 2, 0);
	trans[1][643]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][644]	= settr(650,2,649,622,622,"elost[e] = 1", 1, 2, 0);
	trans[1][644]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][648]	= settr(654,2,649,1,0,".(goto)", 1, 2, 0);
	trans[1][645]	= settr(651,2,646,2,0,"else", 1, 2, 0);
	trans[1][645]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][646]	= settr(652,2,649,1,0,"(1)", 1, 2, 0);
	trans[1][646]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][649]	= settr(655,2,650,623,0,"assert(!(eccr[e]))", 1, 2, 0);
	trans[1][649]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][650]	= settr(656,0,668,624,624,"hlive[e] = (!(elost[e])&&!(ecan[e]))", 1, 2, 0);
	trans[1][650]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][668] = settr(674,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(674,2,653,0,0,"ATOMIC", 1, 2, 0);
	trans[1][653]	= settr(659,2,654,625,0,"((alive[w]&&!(paused[w])))", 1, 2, 0);
	trans[1][653]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][654]	= settr(660,2,666,626,626,"hlive[e] = 0", 1, 2, 0);
	trans[1][654]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][666] = settr(672,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(672,2,655,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(672,2,657,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(672,2,659,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(672,2,661,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(672,2,663,0,0,"IF", 1, 2, 0);
	trans[1][655]	= settr(661,2,656,627,0,"(elost[e])", 1, 2, 0);
	trans[1][655]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][656]	= settr(662,2,667,628,628,"o = 0", 1, 2, 0);
	trans[1][656]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][667]	= settr(673,0,696,1,0,".(goto)", 1, 2, 0);
	trans[1][657]	= settr(663,2,658,629,0,"((!(elost[e])&&ecan[e]))", 1, 2, 0);
	trans[1][657]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][658]	= settr(664,2,667,630,630,"o = 4", 1, 2, 0);
	trans[1][658]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][659]	= settr(665,2,660,631,0,"(!(elost[e]))", 1, 2, 0);
	trans[1][659]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][660]	= settr(666,2,667,632,632,"o = 1", 1, 2, 0);
	trans[1][660]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][661]	= settr(667,2,662,633,0,"((!(elost[e])&&!(ecan[e])))", 1, 2, 0);
	trans[1][661]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][662]	= settr(668,2,667,634,634,"o = ( ((eatt[e]>=2)) -> (2) : (3) )", 1, 2, 0);
	trans[1][662]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][663]	= settr(669,2,664,635,0,"(((!(elost[e])&&!(ecan[e]))&&!(released)))", 1, 2, 0);
	trans[1][663]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][664]	= settr(670,2,665,636,636,"o = 5", 1, 2, 0);
	trans[1][664]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][665]	= settr(671,2,667,637,637,"released = 1", 1, 2, 0);
	trans[1][665]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][696] = settr(702,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(702,0,669,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(702,0,694,0,0,"IF", 0, 2, 0);
	trans[1][669]	= settr(675,0,692,638,638,"((o==0))", 0, 2, 0);
	trans[1][669]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][692] = settr(698,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(698,0,691,0,0,"sub-sequence", 0, 2, 0);
	T = trans[ 1][691] = settr(697,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(697,2,670,0,0,"ATOMIC", 1, 2, 0);
	trans[1][670]	= settr(676,2,675,639,0,"assert((0||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))", 1, 2, 0);
	trans[1][670]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][675] = settr(681,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(681,2,671,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(681,2,673,0,0,"IF", 1, 2, 0);
	trans[1][671]	= settr(677,2,672,640,0,"(((edl[e]&&(edg[e]==bgen[w]))&&0))", 1, 2, 0);
	trans[1][671]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][672]	= settr(678,2,677,641,641,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )", 1, 2, 0);
	trans[1][672]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][676]	= settr(682,2,677,1,0,".(goto)", 1, 2, 0);
	trans[1][673]	= settr(679,2,674,2,0,"else", 1, 2, 0);
	trans[1][673]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][674]	= settr(680,2,677,1,0,"(1)", 1, 2, 0);
	trans[1][674]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][677]	= settr(683,2,690,642,642,"edl[e] = 0", 1, 2, 0);
	trans[1][677]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][690] = settr(696,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(696,0,678,0,0,"sub-sequence", 1, 2, 0);
	trans[1][678]	= settr(684,2,679,643,643,"eact[e] = 0", 1, 2, 0);
	trans[1][678]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][679]	= settr(685,2,680,644,644,"estart[e] = 0", 1, 2, 0);
	trans[1][679]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][680]	= settr(686,2,681,645,645,"etok[e] = 0", 1, 2, 0);
	trans[1][680]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][681]	= settr(687,2,682,646,646,"eatt[e] = 0", 1, 2, 0);
	trans[1][681]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][682]	= settr(688,2,683,647,647,"ecid[e] = 0", 1, 2, 0);
	trans[1][682]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][683]	= settr(689,2,684,648,648,"eph[e] = 0", 1, 2, 0);
	trans[1][683]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][684]	= settr(690,2,685,649,649,"elost[e] = 0", 1, 2, 0);
	trans[1][684]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][685]	= settr(691,2,686,650,650,"ecan[e] = 0", 1, 2, 0);
	trans[1][685]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][686]	= settr(692,2,687,651,651,"hlive[e] = 0", 1, 2, 0);
	trans[1][686]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][687]	= settr(693,2,688,652,652,"eccr[e] = 0", 1, 2, 0);
	trans[1][687]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][688]	= settr(694,2,689,653,653,"hbs[e] = 0", 1, 2, 0);
	trans[1][688]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][689]	= settr(695,0,866,654,654,"hbt[e] = 0", 1, 2, 0);
	trans[1][689]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][693]	= settr(699,0,866,1,0,"goto done", 0, 2, 0);
	trans[1][693]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][697]	= settr(703,0,787,1,0,".(goto)", 0, 2, 0);
	trans[1][694]	= settr(700,0,695,2,0,"else", 0, 2, 0);
	trans[1][694]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][695]	= settr(701,0,787,1,0,"(1)", 0, 2, 0);
	trans[1][695]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][787] = settr(793,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(793,2,698,0,0,"ATOMIC", 1, 2, 0);
	trans[1][698]	= settr(704,2,785,655,0,"((alive[w]&&!(paused[w])))", 1, 2, 0);
	trans[1][698]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][785] = settr(791,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(791,2,738,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(791,2,739,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(791,2,782,0,0,"IF", 1, 2, 0);
	T = trans[ 1][738] = settr(744,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(744,0,736,0,0,"sub-sequence", 1, 2, 0);
	T = trans[1][736] = settr(742,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(742,2,699,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(742,2,734,0,0,"IF", 1, 2, 0);
	trans[1][699]	= settr(705,2,702,656,0,"((((st==3)&&(owner==(w+1)))&&(tok==etok[e])))", 1, 2, 0);
	trans[1][699]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][702] = settr(708,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(708,0,700,0,0,"sub-sequence", 1, 2, 0);
	trans[1][700]	= settr(706,2,701,657,657,"tok = (tok+1)", 1, 2, 0);
	trans[1][700]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][701]	= settr(707,2,703,658,0,"assert((tok<250))", 1, 2, 0);
	trans[1][701]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][703]	= settr(709,2,731,659,659,"expired = 0", 1, 2, 0);
	trans[1][703]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][731] = settr(737,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(737,2,704,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(737,2,709,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(737,2,714,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(737,2,719,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(737,2,725,0,0,"IF", 1, 2, 0);
	trans[1][704]	= settr(710,2,705,660,0,"((o==1))", 1, 2, 0);
	trans[1][704]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][705]	= settr(711,2,708,661,661,"st = 4", 1, 2, 0);
	trans[1][705]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][708] = settr(714,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(714,0,706,0,0,"sub-sequence", 1, 2, 0);
	trans[1][706]	= settr(712,2,707,662,662,"terms = (terms+1)", 1, 2, 0);
	trans[1][706]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][707]	= settr(713,2,733,663,0,"assert((terms<=runs))", 1, 2, 0);
	trans[1][707]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][732]	= settr(738,2,733,1,0,".(goto)", 1, 2, 0);
	trans[1][709]	= settr(715,2,710,664,0,"((o==2))", 1, 2, 0);
	trans[1][709]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][710]	= settr(716,2,713,665,665,"st = 5", 1, 2, 0);
	trans[1][710]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][713] = settr(719,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(719,0,711,0,0,"sub-sequence", 1, 2, 0);
	trans[1][711]	= settr(717,2,712,666,666,"terms = (terms+1)", 1, 2, 0);
	trans[1][711]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][712]	= settr(718,2,733,667,0,"assert((terms<=runs))", 1, 2, 0);
	trans[1][712]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][714]	= settr(720,2,715,668,0,"((o==4))", 1, 2, 0);
	trans[1][714]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][715]	= settr(721,2,718,669,669,"st = 6", 1, 2, 0);
	trans[1][715]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][718] = settr(724,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(724,0,716,0,0,"sub-sequence", 1, 2, 0);
	trans[1][716]	= settr(722,2,717,670,670,"terms = (terms+1)", 1, 2, 0);
	trans[1][716]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][717]	= settr(723,2,733,671,0,"assert((terms<=runs))", 1, 2, 0);
	trans[1][717]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][719]	= settr(725,2,720,672,0,"((o==3))", 1, 2, 0);
	trans[1][719]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][720]	= settr(726,2,721,673,673,"st = 2", 1, 2, 0);
	trans[1][720]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][721]	= settr(727,2,722,674,674,"owner = 0", 1, 2, 0);
	trans[1][721]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][722]	= settr(728,2,723,675,675,"pub = 0", 1, 2, 0);
	trans[1][722]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][723]	= settr(729,2,724,676,676,"due = 0", 1, 2, 0);
	trans[1][723]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][724]	= settr(730,2,733,677,677,"grace = 0", 1, 2, 0);
	trans[1][724]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][725]	= settr(731,2,726,678,0,"((o==5))", 1, 2, 0);
	trans[1][725]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][726]	= settr(732,2,727,679,679,"st = 1", 1, 2, 0);
	trans[1][726]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][727]	= settr(733,2,728,680,680,"owner = 0", 1, 2, 0);
	trans[1][727]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][728]	= settr(734,2,729,681,681,"att = (att-1)", 1, 2, 0);
	trans[1][728]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][729]	= settr(735,2,730,682,682,"pub = 0", 1, 2, 0);
	trans[1][729]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][730]	= settr(736,2,733,683,683,"grace = 1", 1, 2, 0);
	trans[1][730]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][733]	= settr(739,2,737,684,684,"r = 1", 1, 2, 0);
	trans[1][733]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][737]	= settr(743,2,786,1,0,".(goto)", 1, 2, 0);
	trans[1][734]	= settr(740,2,735,2,0,"else", 1, 2, 0);
	trans[1][734]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][735]	= settr(741,2,737,685,685,"r = 2", 1, 2, 0);
	trans[1][735]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][786]	= settr(792,0,864,1,0,".(goto)", 1, 2, 0);
	trans[1][739]	= settr(745,2,740,686,0,"((faults<2))", 1, 2, 0);
	trans[1][739]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][740]	= settr(746,2,780,687,687,"faults = (faults+1)", 1, 2, 0);
	trans[1][740]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][780] = settr(786,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(786,0,778,0,0,"sub-sequence", 1, 2, 0);
	T = trans[1][778] = settr(784,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(784,2,741,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(784,2,776,0,0,"IF", 1, 2, 0);
	trans[1][741]	= settr(747,2,744,688,0,"((((st==3)&&(owner==(w+1)))&&(tok==etok[e])))", 1, 2, 0);
	trans[1][741]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][744] = settr(750,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(750,0,742,0,0,"sub-sequence", 1, 2, 0);
	trans[1][742]	= settr(748,2,743,689,689,"tok = (tok+1)", 1, 2, 0);
	trans[1][742]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][743]	= settr(749,2,745,690,0,"assert((tok<250))", 1, 2, 0);
	trans[1][743]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][745]	= settr(751,2,773,691,691,"expired = 0", 1, 2, 0);
	trans[1][745]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][773] = settr(779,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(779,2,746,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(779,2,751,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(779,2,756,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(779,2,761,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(779,2,767,0,0,"IF", 1, 2, 0);
	trans[1][746]	= settr(752,2,747,692,0,"((o==1))", 1, 2, 0);
	trans[1][746]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][747]	= settr(753,2,750,693,693,"st = 4", 1, 2, 0);
	trans[1][747]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][750] = settr(756,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(756,0,748,0,0,"sub-sequence", 1, 2, 0);
	trans[1][748]	= settr(754,2,749,694,694,"terms = (terms+1)", 1, 2, 0);
	trans[1][748]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][749]	= settr(755,2,775,695,0,"assert((terms<=runs))", 1, 2, 0);
	trans[1][749]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][774]	= settr(780,2,775,1,0,".(goto)", 1, 2, 0);
	trans[1][751]	= settr(757,2,752,696,0,"((o==2))", 1, 2, 0);
	trans[1][751]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][752]	= settr(758,2,755,697,697,"st = 5", 1, 2, 0);
	trans[1][752]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][755] = settr(761,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(761,0,753,0,0,"sub-sequence", 1, 2, 0);
	trans[1][753]	= settr(759,2,754,698,698,"terms = (terms+1)", 1, 2, 0);
	trans[1][753]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][754]	= settr(760,2,775,699,0,"assert((terms<=runs))", 1, 2, 0);
	trans[1][754]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][756]	= settr(762,2,757,700,0,"((o==4))", 1, 2, 0);
	trans[1][756]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][757]	= settr(763,2,760,701,701,"st = 6", 1, 2, 0);
	trans[1][757]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][760] = settr(766,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(766,0,758,0,0,"sub-sequence", 1, 2, 0);
	trans[1][758]	= settr(764,2,759,702,702,"terms = (terms+1)", 1, 2, 0);
	trans[1][758]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][759]	= settr(765,2,775,703,0,"assert((terms<=runs))", 1, 2, 0);
	trans[1][759]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][761]	= settr(767,2,762,704,0,"((o==3))", 1, 2, 0);
	trans[1][761]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][762]	= settr(768,2,763,705,705,"st = 2", 1, 2, 0);
	trans[1][762]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][763]	= settr(769,2,764,706,706,"owner = 0", 1, 2, 0);
	trans[1][763]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][764]	= settr(770,2,765,707,707,"pub = 0", 1, 2, 0);
	trans[1][764]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][765]	= settr(771,2,766,708,708,"due = 0", 1, 2, 0);
	trans[1][765]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][766]	= settr(772,2,775,709,709,"grace = 0", 1, 2, 0);
	trans[1][766]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][767]	= settr(773,2,768,710,0,"((o==5))", 1, 2, 0);
	trans[1][767]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][768]	= settr(774,2,769,711,711,"st = 1", 1, 2, 0);
	trans[1][768]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][769]	= settr(775,2,770,712,712,"owner = 0", 1, 2, 0);
	trans[1][769]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][770]	= settr(776,2,771,713,713,"att = (att-1)", 1, 2, 0);
	trans[1][770]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][771]	= settr(777,2,772,714,714,"pub = 0", 1, 2, 0);
	trans[1][771]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][772]	= settr(778,2,775,715,715,"grace = 1", 1, 2, 0);
	trans[1][772]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][775]	= settr(781,2,781,716,716,"r = 1", 1, 2, 0);
	trans[1][775]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][779]	= settr(785,2,781,1,0,".(goto)", 1, 2, 0);
	trans[1][776]	= settr(782,2,777,2,0,"else", 1, 2, 0);
	trans[1][776]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][777]	= settr(783,2,781,717,717,"r = 2", 1, 2, 0);
	trans[1][777]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][781]	= settr(787,2,786,718,718,"r = 3", 1, 2, 0);
	trans[1][781]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][782]	= settr(788,2,783,719,0,"((faults<2))", 1, 2, 0);
	trans[1][782]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][783]	= settr(789,2,784,720,720,"faults = (faults+1)", 1, 2, 0);
	trans[1][783]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][784]	= settr(790,2,786,721,721,"r = 3", 1, 2, 0);
	trans[1][784]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][864] = settr(870,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(870,0,788,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(870,0,812,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(870,0,836,0,0,"IF", 0, 2, 0);
	trans[1][788]	= settr(794,0,811,722,722,"((r==1))", 0, 2, 0);
	trans[1][788]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][811] = settr(817,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(817,0,810,0,0,"sub-sequence", 0, 2, 0);
	T = trans[ 1][810] = settr(816,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(816,2,789,0,0,"ATOMIC", 1, 2, 0);
	trans[1][789]	= settr(795,2,794,723,0,"assert(((o==5)||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))", 1, 2, 0);
	trans[1][789]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][794] = settr(800,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(800,2,790,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(800,2,792,0,0,"IF", 1, 2, 0);
	trans[1][790]	= settr(796,2,791,724,724,"(((edl[e]&&(edg[e]==bgen[w]))&&(o==5)))", 1, 2, 0);
	trans[1][790]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][791]	= settr(797,2,796,725,725,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )", 1, 2, 0);
	trans[1][791]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][795]	= settr(801,2,796,1,0,".(goto)", 1, 2, 0);
	trans[1][792]	= settr(798,2,793,2,0,"else", 1, 2, 0);
	trans[1][792]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][793]	= settr(799,2,796,1,0,"(1)", 1, 2, 0);
	trans[1][793]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][796]	= settr(802,2,809,726,726,"edl[e] = 0", 1, 2, 0);
	trans[1][796]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][809] = settr(815,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(815,0,797,0,0,"sub-sequence", 1, 2, 0);
	trans[1][797]	= settr(803,2,798,727,727,"eact[e] = 0", 1, 2, 0);
	trans[1][797]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][798]	= settr(804,2,799,728,728,"estart[e] = 0", 1, 2, 0);
	trans[1][798]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][799]	= settr(805,2,800,729,729,"etok[e] = 0", 1, 2, 0);
	trans[1][799]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][800]	= settr(806,2,801,730,730,"eatt[e] = 0", 1, 2, 0);
	trans[1][800]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][801]	= settr(807,2,802,731,731,"ecid[e] = 0", 1, 2, 0);
	trans[1][801]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][802]	= settr(808,2,803,732,732,"eph[e] = 0", 1, 2, 0);
	trans[1][802]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][803]	= settr(809,2,804,733,733,"elost[e] = 0", 1, 2, 0);
	trans[1][803]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][804]	= settr(810,2,805,734,734,"ecan[e] = 0", 1, 2, 0);
	trans[1][804]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][805]	= settr(811,2,806,735,735,"hlive[e] = 0", 1, 2, 0);
	trans[1][805]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][806]	= settr(812,2,807,736,736,"eccr[e] = 0", 1, 2, 0);
	trans[1][806]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][807]	= settr(813,2,808,737,737,"hbs[e] = 0", 1, 2, 0);
	trans[1][807]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][808]	= settr(814,0,866,738,738,"hbt[e] = 0", 1, 2, 0);
	trans[1][808]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][865]	= settr(871,0,866,1,0,".(goto)", 0, 2, 0);
	trans[1][812]	= settr(818,0,835,739,739,"((r==2))", 0, 2, 0);
	trans[1][812]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][835] = settr(841,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(841,0,834,0,0,"sub-sequence", 0, 2, 0);
	T = trans[ 1][834] = settr(840,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(840,2,813,0,0,"ATOMIC", 1, 2, 0);
	trans[1][813]	= settr(819,2,818,740,0,"assert((0||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))", 1, 2, 0);
	trans[1][813]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][818] = settr(824,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(824,2,814,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(824,2,816,0,0,"IF", 1, 2, 0);
	trans[1][814]	= settr(820,2,815,741,0,"(((edl[e]&&(edg[e]==bgen[w]))&&0))", 1, 2, 0);
	trans[1][814]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][815]	= settr(821,2,820,742,742,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )", 1, 2, 0);
	trans[1][815]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][819]	= settr(825,2,820,1,0,".(goto)", 1, 2, 0);
	trans[1][816]	= settr(822,2,817,2,0,"else", 1, 2, 0);
	trans[1][816]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][817]	= settr(823,2,820,1,0,"(1)", 1, 2, 0);
	trans[1][817]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][820]	= settr(826,2,833,743,743,"edl[e] = 0", 1, 2, 0);
	trans[1][820]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][833] = settr(839,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(839,0,821,0,0,"sub-sequence", 1, 2, 0);
	trans[1][821]	= settr(827,2,822,744,744,"eact[e] = 0", 1, 2, 0);
	trans[1][821]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][822]	= settr(828,2,823,745,745,"estart[e] = 0", 1, 2, 0);
	trans[1][822]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][823]	= settr(829,2,824,746,746,"etok[e] = 0", 1, 2, 0);
	trans[1][823]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][824]	= settr(830,2,825,747,747,"eatt[e] = 0", 1, 2, 0);
	trans[1][824]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][825]	= settr(831,2,826,748,748,"ecid[e] = 0", 1, 2, 0);
	trans[1][825]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][826]	= settr(832,2,827,749,749,"eph[e] = 0", 1, 2, 0);
	trans[1][826]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][827]	= settr(833,2,828,750,750,"elost[e] = 0", 1, 2, 0);
	trans[1][827]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][828]	= settr(834,2,829,751,751,"ecan[e] = 0", 1, 2, 0);
	trans[1][828]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][829]	= settr(835,2,830,752,752,"hlive[e] = 0", 1, 2, 0);
	trans[1][829]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][830]	= settr(836,2,831,753,753,"eccr[e] = 0", 1, 2, 0);
	trans[1][830]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][831]	= settr(837,2,832,754,754,"hbs[e] = 0", 1, 2, 0);
	trans[1][831]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][832]	= settr(838,0,866,755,755,"hbt[e] = 0", 1, 2, 0);
	trans[1][832]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][836]	= settr(842,0,862,756,756,"((r==3))", 0, 2, 0);
	trans[1][836]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][862] = settr(868,0,0,0,0,"IF", 0, 2, 0);
	T = T->nxt	= settr(868,0,837,0,0,"IF", 0, 2, 0);
	    T->nxt	= settr(868,0,838,0,0,"IF", 0, 2, 0);
	trans[1][837]	= settr(843,0,787,1,0,"goto finish", 0, 2, 0);
	trans[1][837]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][863]	= settr(869,0,866,1,0,".(goto)", 0, 2, 0);
	trans[1][838]	= settr(844,0,861,1,0,"(1)", 0, 2, 0);
	trans[1][838]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][861] = settr(867,0,0,0,0,"sub-sequence", 0, 2, 0);
	T->nxt	= settr(867,0,860,0,0,"sub-sequence", 0, 2, 0);
	T = trans[ 1][860] = settr(866,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(866,2,839,0,0,"ATOMIC", 1, 2, 0);
	trans[1][839]	= settr(845,2,844,757,0,"assert((!(elost[e])||(elost[e]||!((((st==3)&&(tok==etok[e]))&&(etok[e]!=0))))))", 1, 2, 0);
	trans[1][839]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[1][844] = settr(850,2,0,0,0,"IF", 1, 2, 0);
	T = T->nxt	= settr(850,2,840,0,0,"IF", 1, 2, 0);
	    T->nxt	= settr(850,2,842,0,0,"IF", 1, 2, 0);
	trans[1][840]	= settr(846,2,841,758,0,"(((edl[e]&&(edg[e]==bgen[w]))&&!(elost[e])))", 1, 2, 0);
	trans[1][840]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][841]	= settr(847,2,846,759,759,"ready = ( ((ready<2)) -> ((ready+1)) : (ready) )", 1, 2, 0);
	trans[1][841]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][845]	= settr(851,2,846,1,0,".(goto)", 1, 2, 0);
	trans[1][842]	= settr(848,2,843,2,0,"else", 1, 2, 0);
	trans[1][842]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][843]	= settr(849,2,846,1,0,"(1)", 1, 2, 0);
	trans[1][843]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][846]	= settr(852,2,859,760,760,"edl[e] = 0", 1, 2, 0);
	trans[1][846]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][859] = settr(865,0,0,0,0,"sub-sequence", 1, 2, 0);
	T->nxt	= settr(865,0,847,0,0,"sub-sequence", 1, 2, 0);
	trans[1][847]	= settr(853,2,848,761,761,"eact[e] = 0", 1, 2, 0);
	trans[1][847]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][848]	= settr(854,2,849,762,762,"estart[e] = 0", 1, 2, 0);
	trans[1][848]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][849]	= settr(855,2,850,763,763,"etok[e] = 0", 1, 2, 0);
	trans[1][849]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][850]	= settr(856,2,851,764,764,"eatt[e] = 0", 1, 2, 0);
	trans[1][850]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][851]	= settr(857,2,852,765,765,"ecid[e] = 0", 1, 2, 0);
	trans[1][851]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][852]	= settr(858,2,853,766,766,"eph[e] = 0", 1, 2, 0);
	trans[1][852]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][853]	= settr(859,2,854,767,767,"elost[e] = 0", 1, 2, 0);
	trans[1][853]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][854]	= settr(860,2,855,768,768,"ecan[e] = 0", 1, 2, 0);
	trans[1][854]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][855]	= settr(861,2,856,769,769,"hlive[e] = 0", 1, 2, 0);
	trans[1][855]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][856]	= settr(862,2,857,770,770,"eccr[e] = 0", 1, 2, 0);
	trans[1][856]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][857]	= settr(863,2,858,771,771,"hbs[e] = 0", 1, 2, 0);
	trans[1][857]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][858]	= settr(864,0,866,772,772,"hbt[e] = 0", 1, 2, 0);
	trans[1][858]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][866]	= settr(872,0,867,773,773,"o = 0", 0, 2, 0);
	trans[1][866]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][867]	= settr(873,0,868,774,774,"r = 0", 0, 2, 0);
	trans[1][867]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][868]	= settr(874,0,869,775,775,"rnd = 0", 0, 2, 0);
	trans[1][868]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][869]	= settr(875,0,870,776,776,"rst = 0", 0, 2, 0);
	trans[1][869]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][870]	= settr(876,0,871,777,777,"rown = 0", 0, 2, 0);
	trans[1][870]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][871]	= settr(877,0,872,778,778,"rtok = 0", 0, 2, 0);
	trans[1][871]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][872]	= settr(878,0,873,779,779,"rcid = 0", 0, 2, 0);
	trans[1][872]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][873]	= settr(879,0,874,780,780,"rcreq = 0", 0, 2, 0);
	trans[1][873]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][874]	= settr(880,0,875,781,781,"rdue = 0", 0, 2, 0);
	trans[1][874]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][875]	= settr(881,0,876,782,782,"rexp = 0", 0, 2, 0);
	trans[1][875]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][876]	= settr(882,0,877,783,783,"dead = 0", 0, 2, 0);
	trans[1][876]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	trans[1][877]	= settr(883,0,895,784,784,"found = 0", 0, 2, 0);
	trans[1][877]->escp[0] = 878;
	reached1[878] = 1;
	/* escape #0: 878 */
	/* end-escapes */
	T = trans[ 1][895] = settr(901,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(901,2,882,0,0,"ATOMIC", 1, 2, 0);
	trans[1][882]	= settr(888,0,881,785,785,"ekill[e] = 0", 1, 2, 0); /* m: 883 -> 0,881 */
	reached1[883] = 1;
	trans[1][883]	= settr(0,0,0,0,0,"o = 0",0,0,0);
	trans[1][884]	= settr(0,0,0,0,0,"r = 0",0,0,0);
	trans[1][885]	= settr(0,0,0,0,0,"rnd = 0",0,0,0);
	trans[1][886]	= settr(0,0,0,0,0,"rst = 0",0,0,0);
	trans[1][887]	= settr(0,0,0,0,0,"rown = 0",0,0,0);
	trans[1][888]	= settr(0,0,0,0,0,"rtok = 0",0,0,0);
	trans[1][889]	= settr(0,0,0,0,0,"rcid = 0",0,0,0);
	trans[1][890]	= settr(0,0,0,0,0,"rcreq = 0",0,0,0);
	trans[1][891]	= settr(0,0,0,0,0,"rdue = 0",0,0,0);
	trans[1][892]	= settr(0,0,0,0,0,"rexp = 0",0,0,0);
	trans[1][893]	= settr(0,0,0,0,0,"dead = 0",0,0,0);
	trans[1][894]	= settr(0,0,0,0,0,"found = 0",0,0,0);
	trans[1][896]	= settr(902,0,881,1,0,"goto again", 0, 2, 0);
	trans[1][897]	= settr(0,0,0,0,0,"-end-",0,0,0);

	/* proctype 0: monitor */

	trans[0] = (Trans **) emalloc(8*sizeof(Trans *));

	trans[0][5]	= settr(4,0,4,1,0,".(goto)", 0, 2, 0);
	T = trans[0][4] = settr(3,0,0,0,0,"DO", 0, 2, 0);
	    T->nxt	= settr(3,0,3,0,0,"DO", 0, 2, 0);
	T = trans[ 0][3] = settr(2,2,0,0,0,"ATOMIC", 1, 2, 0);
	T->nxt	= settr(2,2,1,0,0,"ATOMIC", 1, 2, 0);
	trans[0][1]	= settr(0,0,4,786,786,"(!(!((((((((eact[0]&&estart[0])&&!(elost[0]))&&alive[( ((0<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((0<2)) -> (0) : (1) )+1)))&&(tok==etok[0])))&&((((eact[1]&&estart[1])&&!(elost[1]))&&alive[( ((1<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((1<2)) -> (0) : (1) )+1)))&&(tok==etok[1]))))||(((((eact[0]&&estart[0])&&!(elost[0]))&&alive[( ((0<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((0<2)) -> (0) : (1) )+1)))&&(tok==etok[0])))&&((((eact[2]&&estart[2])&&!(elost[2]))&&alive[( ((2<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((2<2)) -> (0) : (1) )+1)))&&(tok==etok[2])))))||(((((eact[1]&&estart[1])&&!(elost[1]))&&alive[( ((1<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((1<2)) -> (0) : (1) )+1)))&&(tok==etok[1])))&&((((eact[2]&&estart[2])&&!(elost[2]))&&alive[( ((2<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((2<2)) -> (0) : (1) )+1)))&&(tok==etok[2]))))))))", 1, 2, 0); /* m: 2 -> 4,0 */
	reached0[2] = 1;
	trans[0][2]	= settr(0,0,0,0,0,"assert(!((((((((eact[0]&&estart[0])&&!(elost[0]))&&alive[( ((0<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((0<2)) -> (0) : (1) )+1)))&&(tok==etok[0])))&&((((eact[1]&&estart[1])&&!(elost[1]))&&alive[( ((1<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((1<2)) -> (0) : (1) )+1)))&&(tok==etok[1]))))||(((((eact[0]&&estart[0])&&!(elost[0]))&&alive[( ((0<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((0<2)) -> (0) : (1) )+1)))&&(tok==etok[0])))&&((((eact[2]&&estart[2])&&!(elost[2]))&&alive[( ((2<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((2<2)) -> (0) : (1) )+1)))&&(tok==etok[2])))))||(((((eact[1]&&estart[1])&&!(elost[1]))&&alive[( ((1<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((1<2)) -> (0) : (1) )+1)))&&(tok==etok[1])))&&((((eact[2]&&estart[2])&&!(elost[2]))&&alive[( ((2<2)) ? (0) : (1) )])&&(((st==3)&&(owner==(( ((2<2)) -> (0) : (1) )+1)))&&(tok==etok[2])))))))",0,0,0);
	trans[0][6]	= settr(5,0,7,1,0,"break", 0, 2, 0);
	trans[0][7]	= settr(6,0,0,787,787,"-end-", 0, 3500, 0);
	/* np_ demon: */
	trans[_NP_] = (Trans **) emalloc(3*sizeof(Trans *));
	T = trans[_NP_][0] = settr(9997,0,1,_T5,0,"(np_)", 1,2,0);
	    T->nxt	  = settr(9998,0,0,_T2,0,"(1)",   0,2,0);
	T = trans[_NP_][1] = settr(9999,0,1,_T5,0,"(np_)", 1,2,0);
}

Trans *
settr(	int t_id, int a, int b, int c, int d,
	char *t, int g, int tpe0, int tpe1)
{	Trans *tmp = (Trans *) emalloc(sizeof(Trans));

	tmp->atom  = a&(6|32);	/* only (2|8|32) have meaning */
	if (!g) tmp->atom |= 8;	/* no global references */
	tmp->st    = b;
	tmp->tpe[0] = tpe0;
	tmp->tpe[1] = tpe1;
	tmp->tp    = t;
	tmp->t_id  = t_id;
	tmp->forw  = c;
	tmp->back  = d;
	return tmp;
}

Trans *
cpytr(Trans *a)
{	Trans *tmp = (Trans *) emalloc(sizeof(Trans));

	int i;
	tmp->atom  = a->atom;
	tmp->st    = a->st;
#ifdef HAS_UNLESS
	tmp->e_trans = a->e_trans;
	for (i = 0; i < HAS_UNLESS; i++)
		tmp->escp[i] = a->escp[i];
#endif
	tmp->tpe[0] = a->tpe[0];
	tmp->tpe[1] = a->tpe[1];
	for (i = 0; i < 6; i++)
	{	tmp->qu[i] = a->qu[i];
		tmp->ty[i] = a->ty[i];
	}
	tmp->tp    = (char *) emalloc(strlen(a->tp)+1);
	strcpy(tmp->tp, a->tp);
	tmp->t_id  = a->t_id;
	tmp->forw  = a->forw;
	tmp->back  = a->back;
	return tmp;
}

#ifndef NOREDUCE
int
srinc_set(int n)
{	if (n <= 2) return LOCAL;
	if (n <= 2+  DELTA) return Q_FULL_F; /* 's' or nfull  */
	if (n <= 2+2*DELTA) return Q_EMPT_F; /* 'r' or nempty */
	if (n <= 2+3*DELTA) return Q_EMPT_T; /* empty */
	if (n <= 2+4*DELTA) return Q_FULL_T; /* full  */
	if (n ==   5*DELTA) return GLOBAL;
	if (n ==   6*DELTA) return TIMEOUT_F;
	if (n ==   7*DELTA) return ALPHA_F;
	Uerror("cannot happen srinc_class");
	return BAD;
}
int
srunc(int n, int m)
{	switch(m) {
	case Q_FULL_F: return n-2;
	case Q_EMPT_F: return n-2-DELTA;
	case Q_EMPT_T: return n-2-2*DELTA;
	case Q_FULL_T: return n-2-3*DELTA;
	case ALPHA_F:
	case TIMEOUT_F: return 257; /* non-zero, and > MAXQ */
	}
	Uerror("cannot happen srunc");
	return 0;
}
#endif
int cnt;
#ifdef HAS_UNLESS
int
isthere(Trans *a, int b)
{	Trans *t;
	for (t = a; t; t = t->nxt)
		if (t->t_id == b)
			return 1;
	return 0;
}
#endif
#ifndef NOREDUCE
int
mark_safety(Trans *t) /* for conditional safety */
{	int g = 0, i, j, k;

	if (!t) return 0;
	if (t->qu[0])
		return (t->qu[1])?2:1;	/* marked */

	for (i = 0; i < 2; i++)
	{	j = srinc_set(t->tpe[i]);
		if (j >= GLOBAL && j != ALPHA_F)
			return -1;
		if (j != LOCAL)
		{	k = srunc(t->tpe[i], j);
			if (g == 0
			||  t->qu[0] != k
			||  t->ty[0] != j)
			{	t->qu[g] = k;
				t->ty[g] = j;
				g++;
	}	}	}
	return g;
}
#endif
void
retrans(int n, int m, int is, short srcln[], uchar reach[], uchar lpstate[])
	/* process n, with m states, is=initial state */
{	Trans *T0, *T1, *T2, *T3;
	Trans *T4, *T5; /* t_reverse or has_unless */
	int i;
#if defined(HAS_UNLESS) || !defined(NOREDUCE)
	int k;
#endif
#ifndef NOREDUCE
	int g, h, j, aa;
#endif
#ifdef HAS_UNLESS
	int p;
#endif
	if (state_tables >= 4)
	{	printf("STEP 1 %s\n", 
			procname[n]);
		for (i = 1; i < m; i++)
		for (T0 = trans[n][i]; T0; T0 = T0->nxt)
			crack(n, i, T0, srcln);
		return;
	}
	do {
		for (i = 1, cnt = 0; i < m; i++)
		{	T2 = trans[n][i];
			T1 = T2?T2->nxt:(Trans *)0;
/* prescan: */		for (T0 = T1; T0; T0 = T0->nxt)
/* choice in choice */	{	if (T0->st && trans[n][T0->st]
				&&  trans[n][T0->st]->nxt)
					break;
			}
#if 0
		if (T0)
		printf("\tstate %d / %d: choice in choice\n",
		i, T0->st);
#endif
			if (T0)
			for (T0 = T1; T0; T0 = T0->nxt)
			{	T3 = trans[n][T0->st];
				if (!T3->nxt)
				{	T2->nxt = cpytr(T0);
					T2 = T2->nxt;
					imed(T2, T0->st, n, i);
					continue;
				}
				do {	T3 = T3->nxt;
					T2->nxt = cpytr(T3);
					T2 = T2->nxt;
					imed(T2, T0->st, n, i);
				} while (T3->nxt);
				cnt++;
			}
		}
	} while (cnt);
	if (state_tables >= 3)
	{	printf("STEP 2 %s\n", 
			procname[n]);
		for (i = 1; i < m; i++)
		for (T0 = trans[n][i]; T0; T0 = T0->nxt)
			crack(n, i, T0, srcln);
		return;
	}
	for (i = 1; i < m; i++)
	{	if (trans[n][i] && trans[n][i]->nxt) /* optimize */
		{	T1 = trans[n][i]->nxt;
#if 0
			printf("\t\tpull %d (%d) to %d\n",
			T1->st, T1->forw, i);
#endif
			srcln[i] = srcln[T1->st];	/* Oyvind Teig, 5.2.0 */

			if (!trans[n][T1->st]) continue;
			T0 = cpytr(trans[n][T1->st]);
			trans[n][i] = T0;
			reach[T1->st] = 1;
			imed(T0, T1->st, n, i);
			for (T1 = T1->nxt; T1; T1 = T1->nxt)
			{
#if 0
			printf("\t\tpull %d (%d) to %d\n",
				T1->st, T1->forw, i);
#endif
		/*		srcln[i] = srcln[T1->st];  gh: not useful */
				if (!trans[n][T1->st]) continue;
				T0->nxt = cpytr(trans[n][T1->st]);
				T0 = T0->nxt;
				reach[T1->st] = 1;
				imed(T0, T1->st, n, i);
	}	}	}
	if (state_tables >= 2)
	{	printf("STEP 3 %s\n", 
			procname[n]);
		for (i = 1; i < m; i++)
		for (T0 = trans[n][i]; T0; T0 = T0->nxt)
			crack(n, i, T0, srcln);
		return;
	}
#ifdef HAS_UNLESS
	for (i = 1; i < m; i++)
	{	if (!trans[n][i]) continue;
		/* check for each state i if an
		 * escape to some state p is defined
		 * if so, copy and mark p's transitions
		 * and prepend them to the transition-
		 * list of state i
		 */
	 if (!like_java) /* the default */
	 {	for (T0 = trans[n][i]; T0; T0 = T0->nxt)
		for (k = HAS_UNLESS-1; k >= 0; k--)
		{	if (p = T0->escp[k])
			for (T1 = trans[n][p]; T1; T1 = T1->nxt)
			{	if (isthere(trans[n][i], T1->t_id))
					continue;
				T2 = cpytr(T1);
				T2->e_trans = p;
				T2->nxt = trans[n][i];
				trans[n][i] = T2;
		}	}
	 } else /* outermost unless checked first */
	 {	T4 = T3 = (Trans *) 0;
		for (T0 = trans[n][i]; T0; T0 = T0->nxt)
		for (k = HAS_UNLESS-1; k >= 0; k--)
		{	if (p = T0->escp[k])
			for (T1 = trans[n][p]; T1; T1 = T1->nxt)
			{	if (isthere(trans[n][i], T1->t_id))
					continue;
				T2 = cpytr(T1);
				T2->nxt = (Trans *) 0;
				T2->e_trans = p;
				if (T3)	T3->nxt = T2;
				else	T4 = T2;
				T3 = T2;
		}	}
		if (T4)
		{	T3->nxt = trans[n][i];
			trans[n][i] = T4;
		}
	 }
	}
#endif
#ifndef NOREDUCE
	for (i = 1; i < m; i++)
	{	if (a_cycles)
		{ /* moves through these states are visible */
	#if PROG_LAB>0 && defined(HAS_NP)
			if (progstate[n][i])
				goto degrade;
			for (T1 = trans[n][i]; T1; T1 = T1->nxt)
				if (progstate[n][T1->st])
					goto degrade;
	#endif
			if (accpstate[n][i] || visstate[n][i])
				goto degrade;
			for (T1 = trans[n][i]; T1; T1 = T1->nxt)
				if (accpstate[n][T1->st])
					goto degrade;
		}
		T1 = trans[n][i];
		if (!T1) continue;
		g = mark_safety(T1);	/* V3.3.1 */
		if (g < 0) goto degrade; /* global */
		/* check if mixing of guards preserves reduction */
		if (T1->nxt)
		{	k = 0;
			for (T0 = T1; T0; T0 = T0->nxt)
			{	if (!(T0->atom&8))
					goto degrade;
				for (aa = 0; aa < 2; aa++)
				{	j = srinc_set(T0->tpe[aa]);
					if (j >= GLOBAL && j != ALPHA_F)
						goto degrade;
					if (T0->tpe[aa]
					&&  T0->tpe[aa]
					!=  T1->tpe[0])
						k = 1;
			}	}
			/* g = 0;	V3.3.1 */
			if (k)	/* non-uniform selection */
			for (T0 = T1; T0; T0 = T0->nxt)
			for (aa = 0; aa < 2; aa++)
			{	j = srinc_set(T0->tpe[aa]);
				if (j != LOCAL)
				{	k = srunc(T0->tpe[aa], j);
					for (h = 0; h < 6; h++)
						if (T1->qu[h] == k
						&&  T1->ty[h] == j)
							break;
					if (h >= 6)
					{	T1->qu[g%6] = k;
						T1->ty[g%6] = j;
						g++;
			}	}	}
			if (g > 6)
			{	T1->qu[0] = 0;	/* turn it off */
				printf("pan: warning, line %d, ",
					srcln[i]);
			 	printf("too many stmnt types (%d)",
					g);
			  	printf(" in selection\n");
			  goto degrade;
			}
		}
		/* mark all options global if >=1 is global */
		for (T1 = trans[n][i]; T1; T1 = T1->nxt)
			if (!(T1->atom&8)) break;
		if (T1)
degrade:	for (T1 = trans[n][i]; T1; T1 = T1->nxt)
			T1->atom &= ~8;	/* mark as unsafe */
		/* can only mix 'r's or 's's if on same chan */
		/* and not mixed with other local operations */
		T1 = trans[n][i];
		if (!T1 || T1->qu[0]) continue;
		j = T1->tpe[0];
		if (T1->nxt && T1->atom&8)
		{ if (j == 5*DELTA)
		  {	printf("warning: line %d ", srcln[i]);
			printf("mixed condition ");
			printf("(defeats reduction)\n");
			goto degrade;
		  }
		  for (T0 = T1; T0; T0 = T0->nxt)
		  for (aa = 0; aa < 2; aa++)
		  if  (T0->tpe[aa] && T0->tpe[aa] != j)
		  {	printf("warning: line %d ", srcln[i]);
			printf("[%d-%d] mixed %stion ",
				T0->tpe[aa], j, 
				(j==5*DELTA)?"condi":"selec");
			printf("(defeats reduction)\n");
			printf("	'%s' <-> '%s'\n",
				T1->tp, T0->tp);
			goto degrade;
		} }
	}
#endif
	for (i = 1; i < m; i++)
	{	T2 = trans[n][i];
		if (!T2
		||  T2->nxt
		||  strncmp(T2->tp, ".(goto)", 7)
		||  !stopstate[n][i])
			continue;
		stopstate[n][T2->st] = 1;
	}
	if (state_tables && !verbose)
	{	if (dodot)
		{	char buf[256], *q = buf, *p = procname[n];
			while (*p != '\0')
			{	if (*p != ':')
				{	*q++ = *p;
				}
				p++;
			}
			*q = '\0';
			printf("digraph ");
			switch (Btypes[n]) {
			case I_PROC:  printf("init {\n"); break;
			case N_CLAIM: printf("claim_%s {\n", buf); break;
			case E_TRACE: printf("notrace {\n"); break;
			case N_TRACE: printf("trace {\n"); break;
			default:      printf("p_%s {\n", buf); break;
			}
			printf("size=\"8,10\";\n");
			printf("  GT [shape=box,style=dotted,label=\"%s\"];\n", buf);
			printf("  GT -> S%d;\n", is);
		} else
		{	switch (Btypes[n]) {
			case I_PROC:  printf("init\n"); break;
			case N_CLAIM: printf("claim %s\n", procname[n]); break;
			case E_TRACE: printf("notrace assertion\n"); break;
			case N_TRACE: printf("trace assertion\n"); break;
			default:      printf("proctype %s\n", procname[n]); break;
		}	}
		for (i = 1; i < m; i++)
		{	reach[i] = 1;
		}
		tagtable(n, m, is, srcln, reach);
		if (dodot) printf("}\n");
	} else
	for (i = 1; i < m; i++)
	{	int nrelse;
		if (Btypes[n] != N_CLAIM)
		{	for (T0 = trans[n][i]; T0; T0 = T0->nxt)
			{	if (T0->st == i
				&& strcmp(T0->tp, "(1)") == 0)
				{	printf("error: proctype '%s' ",
						procname[n]);
		  			printf("line %d, state %d: has un",
						srcln[i], i);
					printf("conditional self-loop\n");
					pan_exit(1);
		}	}	}
		nrelse = 0;
		for (T0 = trans[n][i]; T0; T0 = T0->nxt)
		{	if (strcmp(T0->tp, "else") == 0)
				nrelse++;
		}
		if (nrelse > 1)
		{	printf("error: proctype '%s' state",
				procname[n]);
		  	printf(" %d, inherits %d", i, nrelse);
		  	printf(" 'else' stmnts\n");
			pan_exit(1);
	}	}
#if !defined(LOOPSTATE) && !defined(BFS_PAR)
	if (state_tables)
#endif
	do_dfs(n, m, is, srcln, reach, lpstate);

	if (!t_reverse)
	{	return;
	}
	/* process n, with m states, is=initial state -- reverse list */
	if (!state_tables && Btypes[n] != N_CLAIM)
	{	for (i = 1; i < m; i++)
		{	Trans *Tx = (Trans *) 0; /* list of escapes */
			Trans *Ty = (Trans *) 0; /* its tail element */
			T1 = (Trans *) 0; /* reversed list */
			T2 = (Trans *) 0; /* its tail */
			T3 = (Trans *) 0; /* remembers possible 'else' */

			/* find unless-escapes, they should go first */
			T4 = T5 = T0 = trans[n][i];
	#ifdef HAS_UNLESS
			while (T4 && T4->e_trans) /* escapes are first in orig list */
			{	T5 = T4;	  /* remember predecessor */
				T4 = T4->nxt;
			}
	#endif
			/* T4 points to first non-escape, T5 to its parent, T0 to original list */
			if (T4 != T0)		 /* there was at least one escape */
			{	T3 = T5->nxt;		 /* start of non-escapes */
				T5->nxt = (Trans *) 0;	 /* separate */
				Tx = T0;		 /* start of the escapes */
				Ty = T5;		 /* its tail */
				T0 = T3;		 /* the rest, to be reversed */
			}
			/* T0 points to first non-escape, Tx to the list of escapes, Ty to its tail */

			/* first tail-add non-escape transitions, reversed */
			T3 = (Trans *) 0;
			for (T5 = T0; T5; T5 = T4)
			{	T4 = T5->nxt;
	#ifdef HAS_UNLESS
				if (T5->e_trans)
				{	printf("error: cannot happen!\n");
					continue;
				}
	#endif
				if (strcmp(T5->tp, "else") == 0)
				{	T3 = T5;
					T5->nxt = (Trans *) 0;
				} else
				{	T5->nxt = T1;
					if (!T1) { T2 = T5; }
					T1 = T5;
			}	}
			/* T3 points to a possible else, which is removed from the list */
			/* T1 points to the reversed list so far (without escapes) */
			/* T2 points to the tail element -- where the else should go */
			if (T2 && T3)
			{	T2->nxt = T3;	/* add else */
			} else
			{	if (T3) /* there was an else, but there's no tail */
				{	if (!T1)	/* and no reversed list */
					{	T1 = T3; /* odd, but possible */
					} else		/* even stranger */
					{	T1->nxt = T3;
			}	}	}

			/* add in the escapes, to that they appear at the front */
			if (Tx && Ty) { Ty->nxt = T1; T1 = Tx; }

			trans[n][i] = T1;
			/* reversed, with escapes first and else last */
	}	}
	if (state_tables && verbose)
	{	printf("FINAL proctype %s\n", 
			procname[n]);
		for (i = 1; i < m; i++)
		for (T0 = trans[n][i]; T0; T0 = T0->nxt)
			crack(n, i, T0, srcln);
	}
}
void
imed(Trans *T, int v, int n, int j)	/* set intermediate state */
{	progstate[n][T->st] |= progstate[n][v];
	accpstate[n][T->st] |= accpstate[n][v];
	stopstate[n][T->st] |= stopstate[n][v];
	mapstate[n][j] = T->st;
}
void
tagtable(int n, int m, int is, short srcln[], uchar reach[])
{	Trans *z;

	if (is >= m || !trans[n][is]
	||  is <= 0 || reach[is] == 0)
		return;
	reach[is] = 0;
	if (state_tables)
	for (z = trans[n][is]; z; z = z->nxt)
	{	if (dodot)
			dot_crack(n, is, z);
		else
			crack(n, is, z, srcln);
	}

	for (z = trans[n][is]; z; z = z->nxt)
	{
#ifdef HAS_UNLESS
		int i, j;
#endif
		tagtable(n, m, z->st, srcln, reach);
#ifdef HAS_UNLESS
		for (i = 0; i < HAS_UNLESS; i++)
		{	j = trans[n][is]->escp[i];
			if (!j) break;
			tagtable(n, m, j, srcln, reach);
		}
#endif
	}
}

extern Trans *t_id_lkup[];

void
dfs_table(int n, int m, int is, short srcln[], uchar reach[], uchar lpstate[])
{	Trans *z;

	if (is >= m || is <= 0 || !trans[n][is])
		return;
	if ((reach[is] & (4|8|16)) != 0)
	{	if ((reach[is] & (8|16)) == 16)	/* on stack, not yet recorded */
		{	lpstate[is] = 1;
			reach[is] |= 8; /* recorded */
			if (state_tables && verbose)
			{	printf("state %d line %d is a loopstate\n", is, srcln[is]);
		}	}
		return;
	}
	reach[is] |= (4|16);	/* visited | onstack */
	for (z = trans[n][is]; z; z = z->nxt)
	{	t_id_lkup[z->t_id] = z;
#ifdef HAS_UNLESS
		int i, j;
#endif
		dfs_table(n, m, z->st, srcln, reach, lpstate);
#ifdef HAS_UNLESS
		for (i = 0; i < HAS_UNLESS; i++)
		{	j = trans[n][is]->escp[i];
			if (!j) break;
			dfs_table(n, m, j, srcln, reach, lpstate);
		}
#endif
	}
	reach[is] &= ~16; /* no longer on stack */
}
void
do_dfs(int n, int m, int is, short srcln[], uchar reach[], uchar lpstate[])
{	int i;
	dfs_table(n, m, is, srcln, reach, lpstate);
	for (i = 0; i < m; i++)
		reach[i] &= ~(4|8|16);
}
void
crack(int n, int j, Trans *z, short srcln[])
{	int i;

	if (!z) return;
	printf("	state %3d -(tr %3d)-> state %3d  ",
		j, z->forw, z->st);
	printf("[id %3d tp %3d", z->t_id, z->tpe[0]);
	if (z->tpe[1]) printf(",%d", z->tpe[1]);
#ifdef HAS_UNLESS
	if (z->e_trans)
		printf(" org %3d", z->e_trans);
	else if (state_tables >= 2)
	for (i = 0; i < HAS_UNLESS; i++)
	{	if (!z->escp[i]) break;
		printf(" esc %d", z->escp[i]);
	}
#endif
	printf("]");
	printf(" [%s%s%s%s%s] %s:%d => ",
		z->atom&6?"A":z->atom&32?"D":"-",
		accpstate[n][j]?"a" :"-",
		stopstate[n][j]?"e" : "-",
		progstate[n][j]?"p" : "-",
		z->atom & 8 ?"L":"G",
		PanSource, srcln[j]);
	for (i = 0; z->tp[i]; i++)
		if (z->tp[i] == '\n')
			printf("\\n");
		else
			putchar(z->tp[i]);
	if (verbose && z->qu[0])
	{	printf("\t[");
		for (i = 0; i < 6; i++)
			if (z->qu[i])
				printf("(%d,%d)",
				z->qu[i], z->ty[i]);
		printf("]");
	}
	printf("\n");
	fflush(stdout);
}
/* spin -a m.pml; cc -o pan pan.c; ./pan -D | dot -Tps > foo.ps; ps2pdf foo.ps */
void
dot_crack(int n, int j, Trans *z)
{	int i;

	if (!z) return;
	printf("	S%d -> S%d  [color=black", j, z->st);

	if (z->atom&6) printf(",style=dashed");
	else if (z->atom&32) printf(",style=dotted");
	else if (z->atom&8) printf(",style=solid");
	else printf(",style=bold");

	printf(",label=\"");
	for (i = 0; z->tp[i]; i++)
	{	if (z->tp[i] == '\\'
		&&  z->tp[i+1] == 'n')
		{	i++; printf(" ");
		} else
		{	putchar(z->tp[i]);
	}	}
	printf("\"];\n");
	if (accpstate[n][j]) printf("  S%d [color=red,style=bold];\n", j);
	else if (progstate[n][j]) printf("  S%d [color=green,style=bold];\n", j);
	if (stopstate[n][j]) printf("  S%d [color=blue,style=bold,shape=box];\n", j);
}

#ifdef VAR_RANGES
#define BYTESIZE	32	/* 2^8 : 2^3 = 256:8 = 32 */

typedef struct Vr_Ptr {
	char	*nm;
	uchar	vals[BYTESIZE];
	struct Vr_Ptr *nxt;
} Vr_Ptr;
Vr_Ptr *ranges = (Vr_Ptr *) 0;

void
logval(char *s, int v)
{	Vr_Ptr *tmp;

	if (v<0 || v > 255) return;
	for (tmp = ranges; tmp; tmp = tmp->nxt)
		if (!strcmp(tmp->nm, s))
			goto found;
	tmp = (Vr_Ptr *) emalloc(sizeof(Vr_Ptr));
	tmp->nxt = ranges;
	ranges = tmp;
	tmp->nm = s;
found:
	tmp->vals[(v)/8] |= 1<<((v)%8);
}

void
dumpval(uchar X[], int range)
{	int w, x, i, j = -1;

	for (w = i = 0; w < range; w++)
	for (x = 0; x < 8; x++, i++)
	{
from:		if ((X[w] & (1<<x)))
		{	printf("%d", i);
			j = i;
			goto upto;
	}	}
	return;
	for (w = 0; w < range; w++)
	for (x = 0; x < 8; x++, i++)
	{
upto:		if (!(X[w] & (1<<x)))
		{	if (i-1 == j)
				printf(", ");
			else
				printf("-%d, ", i-1);
			goto from;
	}	}
	if (j >= 0 && j != 255)
		printf("-255");
}

void
dumpranges(void)
{	Vr_Ptr *tmp;
	printf("\nValues assigned within ");
	printf("interval [0..255]:\n");
	for (tmp = ranges; tmp; tmp = tmp->nxt)
	{	printf("\t%s\t: ", tmp->nm);
		dumpval(tmp->vals, BYTESIZE);
		printf("\n");
	}
}
#endif
