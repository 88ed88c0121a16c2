package org.jexim.conf.lookup;

/**
 * dbm, dbmnz, dbmjz: Berkeley DB hash files as exim_dbmbuild writes them, read by {@link BdbHashFile}.
 * dbm keys include a terminating NUL, dbmnz keys do not, dbmjz keys are a list joined with NULs.
 */
final class DbmLookup implements LookupType {
    private final String name;

    private DbmLookup(String name) {
        this.name = name;
    }

    static void addTo(Lookups lookups) {
        for (String n : new String[] {"dbm", "dbmnz", "dbmjz"}) {
            lookups.add(new DbmLookup(n));
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Style style() {
        return Style.SINGLE_KEY;
    }

    @Override
    public String find(String file, String key, String opts, LookupEnv env) throws LookupException {
        String k = switch (name) {
            case "dbm" -> key + "\0";
            case "dbmjz" -> joinList(key);
            default -> key;
        };
        BdbHashFile db = BdbHashFile.open(file);
        String v = db.get(k);
        if (v == null) {
            return null;
        }
        // values written by exim_dbmbuild carry a terminating NUL
        int nul = v.indexOf('\0');
        return nul >= 0 ? v.substring(0, nul) : v;
    }

    private static String joinList(String key) throws LookupException {
        StringBuilder b = new StringBuilder();
        for (String item : org.jexim.conf.lists.ExiList.items(key)) {
            b.append(item).append('\0');
        }
        if (b.length() == 0) {
            throw LookupException.defer("key for dbmjz lookup is empty");
        }
        b.setLength(b.length() - 1);
        return b.toString();
    }
}
