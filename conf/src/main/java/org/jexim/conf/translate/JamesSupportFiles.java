package org.jexim.conf.translate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The James files that do not depend on the configure file's content but that the embedded
 * server needs: DNS, mail repositories (file-backed, so that failed mail survives a restart),
 * users and recipient rewriting (unused by Exim semantics, present so James does not guess).
 */
final class JamesSupportFiles {
    private JamesSupportFiles() {
    }

    static Map<String, XmlElement> all() {
        Map<String, XmlElement> files = new LinkedHashMap<>();
        XmlElement dns = new XmlElement("dnsservice");
        dns.comment("the system's resolvers, as Exim uses them");
        dns.leaf("autodiscover", "true").leaf("authoritative", "false").leaf("maxcachesize", "50000");
        files.put("dnsservice.xml", dns);

        XmlElement store = new XmlElement("mailrepositorystore");
        store.leaf("defaultProtocol", "file");
        XmlElement repositories = store.child("mailrepositories");
        XmlElement file = repositories.child("mailrepository")
                .attribute("class", "org.apache.james.mailrepository.file.FileMailRepository");
        file.child("protocols").leaf("protocol", "file");
        file.child("config").attribute("FIFO", "false").attribute("CACHEKEYS", "true");
        XmlElement memory = repositories.child("mailrepository")
                .attribute("class", "org.apache.james.mailrepository.memory.MemoryMailRepository");
        memory.child("protocols").leaf("protocol", "memory");
        files.put("mailrepositorystore.xml", store);

        XmlElement users = new XmlElement("usersrepository").attribute("name", "LocalUsers");
        users.comment("Exim's local users are system accounts; James's users are only for later AUTH");
        users.leaf("algorithm", "PBKDF2").leaf("enableVirtualHosting", "true").leaf("enableForwarding", "false");
        files.put("usersrepository.xml", users);

        XmlElement rrt = new XmlElement("recipientrewritetable");
        rrt.comment("Exim's aliases are redirect routers; James's rewrite table stays empty");
        rrt.leaf("recursiveMapping", "false").leaf("mappingLimit", "10");
        files.put("recipientrewritetable.xml", rrt);
        return files;
    }
}
