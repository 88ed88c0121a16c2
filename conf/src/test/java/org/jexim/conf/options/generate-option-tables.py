# Regenerates the option tables in conf/src/main/resources/org/jexim/conf/options/.
# Run in a scratch directory holding:
#   src/         Exim 4.96's sources flattened: readconf.c, route.c, transport.c, globals.c,
#                routers_X.c, transports_X.c, auths_X.c (git show exim-4.96:src/src/...)
#   spec.json    the spec's option rows (python3 spec-option-rows.py)
#   main.txt     exim4 -C CONF -bP          (CONF: just "primary_hostname = test.example")
#   routers.txt, transports.txt, authenticators.txt
#                exim4 -C DRIVERS -bP routers|transports|authenticators, DRIVERS being the
#                one-instance-per-driver configure of OptionTablesAgainstEximTest
# usage: python3 generate-option-tables.py OUTDIR
import re, json, os, sys
src = 'src/'
def table(fname, tname):
    t = open(src + fname, encoding='latin-1').read()
    m = re.search(r'optionlist\s+' + tname + r'\[\]\s*=\s*\{(.*?)\n\};', t, re.S)
    body = m.group(1)
    out = []
    for e in re.finditer(r'\{\s*"([^"]+)",\s*([^{}]*?),\s*(?:\{|OPT_OFF|LOFF|\(void)', body, re.S):
        name, flags = e.group(1), e.group(2)
        if name.startswith('*') and 'opt_hidden' in flags: continue
        base = re.search(r'opt_(stringptr|int|mkint|Kint|octint|fixed|time|timelist|bool_verify|bool_set|expand_bool|bool|bit|uidlist|gidlist|expand_uid|expand_gid|uid|gid|rewrite|func)\b', flags).group(1)
        out.append(dict(name=name, base=base, hidden='opt_hidden' in flags,
                        repeat='condition' if 'opt_rep_con' in flags else ('list' if 'opt_rep_str' in flags else 'none')))
    return out
TYPE = dict(stringptr='STRING', int='INT', mkint='MKINT', Kint='KINT', octint='OCTINT', fixed='FIXED', time='TIME',
            timelist='TIMELIST', bool='BOOL', bit='BOOL', bool_verify='BOOL', bool_set='BOOL', expand_bool='EXPAND_BOOL',
            uid='UID', gid='GID', uidlist='UIDLIST', gidlist='GIDLIST', expand_uid='EXPAND_UID', expand_gid='EXPAND_GID',
            rewrite='REWRITE', func='FUNC')
spec = json.load(open('spec.json'))
def spec_for(name, use):
    c = [r for r in spec if r['name'] == name and r['use'].rstrip('‡†') == use]
    if not c: c = [r for r in spec if r['name'] == name]
    return c[0] if c else None

def parse_bp(lines):
    """-bP option lines -> ordered [(name, kind, value)]"""
    out = []
    for l in lines:
        if ' =' in l and re.match(r'^[*a-z0-9_]+ =', l):
            n, v = l.split(' =', 1)
            out.append((n, v[1:] if v.startswith(' ') else v))
        elif re.match(r'^(no_)?[a-z0-9_]+$', l):
            if l.startswith('no_'): out.append((l[3:], 'false'))
            else: out.append((l, 'true'))
        else: raise Exception(l)
    return out

def bp_sections(fname):
    secs = {}; cur = None
    for l in open(fname).read().split('\n'):
        m = re.match(r'^(\S+) (router|transport|authenticator):$', l)
        if m: cur = m.group(1); secs[cur] = []; continue
        if l == '' : continue
        secs[cur].append(l)
    return {k: parse_bp(v) for k, v in secs.items()}

problems = []
def build(scope, use, srcrows, bprows, generic_names=()):
    """srcrows from source table; bprows [(name,value)] from binary or None"""
    bp = dict(bprows) if bprows is not None else None
    rows = []
    for s in srcrows:
        n = s['name']
        if bp is not None and n not in bp and not s['hidden']:
            continue   # compiled out of this binary
        typ = TYPE[s['base']]
        sp = spec_for(n, use)
        expanded = bool(sp and sp['dagger'])
        if typ in ('EXPAND_UID', 'EXPAND_GID', 'EXPAND_BOOL'): expanded = True
        if sp is None and not s['hidden']: problems.append('no spec: %s %s' % (scope, n))
        if bp is not None and n in bp:
            d = bp[n]
        else:
            d = None
            if sp:
                sd = sp['default']
                if typ == 'BOOL': d = 'true' if sd == 'true' else 'false'
                elif sd != 'unset' and not sd.startswith('see'): d = sd
        if d == '' and typ not in ('BOOL',): d = None
        rows.append((n, typ, 'yes' if expanded else 'no', 'hidden' if s['hidden'] else '-', s['repeat'], d))
    if bprows is not None:
        names = {s['name'] for s in srcrows}
        for n, v in bprows:
            if n not in names and n not in generic_names:
                problems.append('binary only: %s %s = %r' % (scope, n, v))
    return rows

outdir = sys.argv[1]
SAME = {('main.tsv','daemon_smtp_port'): 'daemon_smtp_ports', ('main.tsv','return_size_limit'): 'bounce_return_size_limit',
  ('routers.tsv','fail_verify'): 'fail_verify_sender,fail_verify_recipient', ('routers.tsv','verify'): 'verify_sender,verify_recipient',
  ('authenticator-tls.tsv','server_param'): 'server_param1'}
# defaults that the scratch configure hid (it set these options), or that Exim's driver init
# functions compute (the -bP printer derives those): the static default is given here
FIX = {('transport-smtp.tsv', 'protocol'): 'smtp', ('router-iplookup.tsv', 'port'): '0',
       ('transport-appendfile.tsv', 'check_string'): None, ('transport-appendfile.tsv', 'escape_string'): None,
       ('transport-appendfile.tsv', 'message_prefix'): None, ('transport-appendfile.tsv', 'message_suffix'): None,
       ('transport-pipe.tsv', 'message_prefix'): None, ('transport-pipe.tsv', 'message_suffix'): None}
def write(fn, rows):
    rows = [r[:5] + (FIX[(fn, r[0])],) if (fn, r[0]) in FIX else r for r in rows]
    with open(os.path.join(outdir, fn), 'w') as f:
        f.write('# name\ttype\texpanded\thidden\trepeat\tsame-as\tdefault (as -bP prints it; \\N = unset)\n')
        for r in rows:
            f.write('\t'.join(r[:5]) + '\t' + SAME.get((fn, r[0]), '-') + '\t' + ('\\N' if r[5] is None else r[5].replace('\\', '\\\\').replace('\t', '\\t')) + '\n')

# main
bpmain = parse_bp([l for l in open('main.txt').read().split('\n') if l])
mainrows = table('readconf.c', 'optionlist_config')
# Debian patch adds local_scan_path
mainrows.append(dict(name='local_scan_path', base='stringptr', hidden=False, repeat='none'))
mainrows.sort(key=lambda r: r['name'])
main = build('main', 'main', mainrows, [(n, v) for n, v in bpmain if n != 'primary_hostname' and n not in ('qualify_domain','qualify_recipient')] + [('primary_hostname',''),('qualify_domain',''),('qualify_recipient','')])
write('main.tsv', main)

kinds = {
 'router': ('route.c', 'optionlist_routers', 'routers', 'routers.txt', 'r_',
   ['accept','dnslookup','ipliteral','iplookup','manualroute','queryprogram','redirect'], 'routers_%s.c', '%s_router_options'),
 'transport': ('transport.c', 'optionlist_transports', 'transports', 'transports.txt', 't_',
   ['appendfile','autoreply','lmtp','pipe','smtp'], 'transports_%s.c', '%s_transport_options'),
 'authenticator': ('globals.c', 'optionlist_auths', 'authenticators', 'authenticators.txt', 'a_',
   ['cram_md5','cyrus_sasl','dovecot','external','gsasl','heimdal_gssapi','plaintext','spa','tls'], 'auths_%s.c', 'auth_%s_options'),
}
for kind, (gf, gt, use, bpf, prefix, drivers, dfile, dtab) in kinds.items():
    secs = bp_sections(bpf)
    grows = table(gf, gt)
    gnames = [r['name'] for r in grows if not r['hidden']]
    first = secs[prefix + drivers[0]]
    k = 0
    while k < len(first) and first[k][0] in gnames and (k == 0 or first[k][0] > first[k-1][0]): k += 1
    gbp = first[:k]
    gnames = [n for n, v in gbp]
    # generic defaults: take from first instance but driver-specific values set in scratch conf -> unset
    gbp = [(n, None if n in ('driver','transport','public_name','data','route_list','command','command_user','file','to','port','protocol','hosts') else v) for n, v in gbp]
    g = build(kind, use, grows, [(n, v if v is not None else '') for n, v in gbp])
    write(kind + 's.tsv', g)
    for d in drivers:
        fname = dfile % ('gsasl_exim' if d == 'gsasl' else d)
        prows = table(fname, dtab % d)
        sec = secs.get(prefix + d)
        bprows = None
        if sec is not None:
            bprows = sec[len(gnames):]
            bprows = [(n, '' if n in ('driver','transport','public_name','data','route_list','command','command_user','file','to','port','protocol','hosts','server_mech') else v) for n, v in bprows]
        rows = build(d, d, prows, bprows)
        write('%s-%s.tsv' % (kind, d), rows)
        print(kind, d, len(rows), 'binary' if sec else 'source')
    print(kind, 'generic', len(g))
print('main', len(main))
print('\n'.join(problems))
# source-only drivers: defaults the spec gives as "see below"
for fn in ('authenticator-gsasl.tsv', 'authenticator-heimdal_gssapi.tsv'):
    p = os.path.join(outdir, fn)
    t = open(p).read().replace('server_hostname\tSTRING\tyes\t-\tnone\t-\t\\N', 'server_hostname\tSTRING\tyes\t-\tnone\t-\t$primary_hostname')
    open(p, 'w').write(t)
with open(os.path.join(outdir, 'driver-defaults.tsv'), 'w') as f:
    f.write('# generic options whose default depends on the driver, as -bP shows them\n# kind\tdriver\toption\tdefault\n')
    f.write('router\taccept\tlog_as_local\ttrue\n')
    for d in ('appendfile', 'autoreply', 'lmtp', 'pipe'):
        f.write('transport\t%s\tretry_use_local_part\ttrue\n' % d)
with open(os.path.join(outdir, 'drivers.tsv'), 'w') as f:
    f.write('# kind\tdriver\tin-exim4-binary (yes: -bV lists it; no: documented, but not built into the reference binary)\n')
    for kind, v in kinds.items():
        for d in v[5]: f.write('%s\t%s\t%s\n' % (kind, d, 'no' if d in ('gsasl', 'heimdal_gssapi') else 'yes'))
for fn, opt in (('routers.tsv', 'log_as_local'), ('transports.tsv', 'retry_use_local_part')):
    p = os.path.join(outdir, fn)
    t = open(p).read().replace(opt + '\tBOOL\tno\t-\tnone\t-\ttrue', opt + '\tBOOL\tno\t-\tnone\t-\tfalse')
    open(p, 'w').write(t)
