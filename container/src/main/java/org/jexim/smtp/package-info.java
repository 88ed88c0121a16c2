/**
 * The SMTP side: Exim's dialogue on James's SMTP server, and {@code -bh}.
 *
 * <p>One decision path, two drivers. {@link org.jexim.smtp.AclGate} runs a stage's ACL through
 * the shared {@link org.jexim.acl.AclEngine} and words the reply ({@link org.jexim.smtp.Stage},
 * {@link org.jexim.smtp.EximTexts}); the server's hooks ({@code ConnectAcl}, {@code HeloAcl},
 * {@code MailAcl}, {@code RcptAcl}, {@code DataAcl}) and {@link org.jexim.smtp.TestSession}
 * ({@code -bh}) both call it. On the server, James keeps the protocol work and
 * {@link org.jexim.smtp.EximHandlers} (the handler chain's {@code coreHandlersPackage}) swaps in
 * the banner, the spooling with {@code 250 OK id=ID} and the {@code <=} line, and the reply wording.
 *
 * <p>Version: {@code $version_number} is 4.96, the Exim release whose behaviour jexim
 * reproduces, so the default banner reads {@code HOST ESMTP Exim 4.96 DATE} exactly as Exim's
 * does (clients and scripts that parse it see no change); jexim's own version is what
 * {@code -bV} prints on its first line.
 *
 * <p>Known differences of the server, where James's parsing of addresses stands in the way: a UTF-8
 * local part is refused (SMTPUTF8 is offered and its option taken), a domain literal loses its
 * brackets (restored for the ACLs for IPv4) and an IPv6 literal is refused.
 */
package org.jexim.smtp;
