<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>AddOperatorDialog</name>
    <message>
        <location filename="../ui/AddOperatorDialog.ui" line="+5" />
        <source>Add operator</source>
        <translation>Add operator</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Operator name:</source>
        <translation>&amp;Operator name:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a-z, 0-9, . _ -</source>
        <translation>a-z, 0-9, . _ -</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Operator name</source>
        <translation>Operator name</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Full name:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Confirm password:</source>
        <translation>&amp;Confirm password:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Confirm password</source>
        <translation>Confirm password</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../ui/AuditPage.ui" line="+6" />
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Filter from time</source>
        <translation>Filter from time</translation>
    </message>
    <message>
        <location line="+0" />
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <location line="+0" />
        <source>From time</source>
        <translation>From time</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Until</source>
        <translation>&amp;Until</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Filter until time</source>
        <translation>Filter until time</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Until time</source>
        <translation>Until time</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Operator:</source>
        <translation>&amp;Operator:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>any operator</source>
        <translation>any operator</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Action:</source>
        <translation>&amp;Action:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Card / &amp;subject:</source>
        <translation>Card / &amp;subject:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>card:&lt;issuer&gt;:&lt;serial&gt; or its beginning</source>
        <translation>card:&lt;issuer&gt;:&lt;serial&gt; or its beginning</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Card identity or subject</source>
        <translation>Card identity or subject</translation>
    </message>
    <message>
        <location line="+0" />
        <source>A&amp;pply filter</source>
        <translation>A&amp;pply filter</translation>
    </message>
    <message>
        <location line="+0" />
        <source>C&amp;lear</source>
        <translation>C&amp;lear</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Audit entries</source>
        <translation>Audit entries</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Select an entry to see all its fields.</source>
        <translation>Select an entry to see all its fields.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Entry detail</source>
        <translation>Entry detail</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Verify log</source>
        <translation>&amp;Verify log</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Recompute every entry and check every signed tree head</source>
        <translation>Recompute every entry and check every signed tree head</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Verification progress</source>
        <translation>Verification progress</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Verification result</source>
        <translation>Verification result</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Export &amp;CSV…</source>
        <translation>Export &amp;CSV…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Export P&amp;DF…</source>
        <translation>Export P&amp;DF…</translation>
    </message>
</context>
<context>
    <name>CardView</name>
    <message>
        <location filename="../ui/CardView.ui" line="+12" />
        <source>Place a My Number Card on the reader.</source>
        <translation>Place a My Number Card on the reader.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Reading the card…</source>
        <translation>Reading the card…</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Kind of card</source>
        <translation>Kind of card</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Issuer key ID</source>
        <translation>Issuer key ID</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Certificate serial</source>
        <translation>Certificate serial</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reader</source>
        <translation>Reader</translation>
    </message>
</context>
<context>
    <name>DemoCardNames</name>
    <message>
        <location filename="../src/gui/DemoCardNames.cpp" line="+13" />
        <source>Valid card</source>
        <translation>Valid card</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Moved (signing certificate revoked, reason 3)</source>
        <translation>Moved (signing certificate revoked, reason 3)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lost card (both certificates revoked, reason 1)</source>
        <translation>Lost card (both certificates revoked, reason 1)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Renewed card (new serial)</source>
        <translation>Renewed card (new serial)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Card before renewal (superseded, reason 4)</source>
        <translation>Card before renewal (superseded, reason 4)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expired certificates</source>
        <translation>Expired certificates</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Face-authentication card (no PINs)</source>
        <translation>Face-authentication card (no PINs)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Long address with substitute characters</source>
        <translation>Long address with substitute characters</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PIN with one try left</source>
        <translation>PIN with one try left</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Old Basic Resident Register card</source>
        <translation>Old Basic Resident Register card</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Holder under 15 (no signing certificate)</source>
        <translation>Holder under 15 (no signing certificate)</translation>
    </message>
</context>
<context>
    <name>EnrolmentReceipt</name>
    <message>
        <location filename="../src/gui/EnrolmentReceipt.cpp" line="+14" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Linkage number</source>
        <translation>Linkage number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Holder proved by</source>
        <translation>Holder proved by</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Registered at</source>
        <translation>Registered at</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Registered by</source>
        <translation>Registered by</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Madoguchi — enrolment receipt</source>
        <translation>Madoguchi — enrolment receipt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keep this receipt. It contains no card number and no individual number (My Number).</source>
        <translation>Keep this receipt. It contains no card number and no individual number (My Number).</translation>
    </message>
</context>
<context>
    <name>EnrolmentWizard</name>
    <message>
        <location filename="../ui/EnrolmentWizard.ui" line="+9" />
        <source>Current step</source>
        <translation>Current step</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Place the resident's My Number Card on the reader.</source>
        <translation>Place the resident's My Number Card on the reader.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Prove that the resident holds this card. Reading the card alone (tap only) is not proof.</source>
        <translation>Prove that the resident holds this card. Reading the card alone (tap only) is not proof.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Resident enters the &amp;PIN…</source>
        <translation>Resident enters the &amp;PIN…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PIN and signature</source>
        <translation>PIN and signature</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Photo check (this office is approved)</source>
        <translation>Photo check (this office is approved)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>I compared the resident's face with the card photo and they &amp;match.</source>
        <translation>I compared the resident's face with the card photo and they &amp;match.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Proof status</source>
        <translation>Proof status</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&amp;Linkage kind:</source>
        <translation>&amp;Linkage kind:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Linkage kind</source>
        <translation>Linkage kind</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Ca&amp;ncel</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Print receipt…</source>
        <translation>&amp;Print receipt…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Next</source>
        <translation>&amp;Next</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../ui/FirstRunDialog.ui" line="+5" />
        <source>Set up this counter</source>
        <translation>Set up this counter</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No counter database exists in %1 yet. Choose how the database key is protected, and create the first administrator account.</source>
        <translation>No counter database exists in %1 yet. Choose how the database key is protected, and create the first administrator account.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Database key</source>
        <translation>Database key</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Store the database key in this computer's &amp;keychain</source>
        <translation>Store the database key in this computer's &amp;keychain</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Keychain</source>
        <translation>Keychain</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Keychain status</source>
        <translation>Keychain status</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Protect with an &amp;administrator passphrase</source>
        <translation>Protect with an &amp;administrator passphrase</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Administrator passphrase only</source>
        <translation>Administrator passphrase only</translation>
    </message>
    <message>
        <location line="+1" />
        <source>About the chosen protection</source>
        <translation>About the chosen protection</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Administrator &amp;passphrase:</source>
        <translation>Administrator &amp;passphrase:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrator passphrase</source>
        <translation>Administrator passphrase</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Confirm passphrase:</source>
        <translation>&amp;Confirm passphrase:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Confirm passphrase</source>
        <translation>Confirm passphrase</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Passphrase strength</source>
        <translation>Passphrase strength</translation>
    </message>
    <message>
        <location line="+6" />
        <source>First administrator</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Operator name:</source>
        <translation>&amp;Operator name:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Operator name</source>
        <translation>Operator name</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Full name:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrator password</source>
        <translation>Administrator password</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Confirm pass&amp;word:</source>
        <translation>Confirm pass&amp;word:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Confirm administrator password</source>
        <translation>Confirm administrator password</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Set-up error</source>
        <translation>Set-up error</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../ui/ImportDialog.ui" line="+5" />
        <source>Import linkages</source>
        <translation>Import linkages</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <location line="+8" />
        <source>File to import</source>
        <translation>File to import</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Choose…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Encoding:</source>
        <translation>&amp;Encoding:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Encoding</source>
        <translation>Encoding</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Mode:</source>
        <translation>&amp;Mode:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Import mode</source>
        <translation>Import mode</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Import progress</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Import result</source>
        <translation>Import result</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Rows that were not imported</source>
        <translation>Rows that were not imported</translation>
    </message>
    <message>
        <location line="+9" />
        <source>&amp;Save report as CSV…</source>
        <translation>&amp;Save report as CSV…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Ca&amp;ncel import</source>
        <translation>Ca&amp;ncel import</translation>
    </message>
    <message>
        <location line="+5" />
        <source>C&amp;lose</source>
        <translation>C&amp;lose</translation>
    </message>
</context>
<context>
    <name>LinkageDetailDialog</name>
    <message>
        <location filename="../ui/LinkageDetailDialog.ui" line="+5" />
        <source>Linkage details and history</source>
        <translation>Linkage details and history</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Linkage details</source>
        <translation>Linkage details</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;History (every version):</source>
        <translation>&amp;History (every version):</translation>
    </message>
    <message>
        <location line="+7" />
        <source>History</source>
        <translation>History</translation>
    </message>
</context>
<context>
    <name>LinkageLabels</name>
    <message>
        <location filename="../src/gui/LinkageLabels.cpp" line="+12" />
        <location line="+17" />
        <source>Platform ID</source>
        <translation>Platform ID</translation>
    </message>
    <message>
        <location line="-14" />
        <source>Health insurance</source>
        <translation>Health insurance</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Credit card</source>
        <translation>Credit card</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cable TV</source>
        <translation>Cable TV</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Insurer number</source>
        <translation>Insurer number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Branch number</source>
        <translation>Branch number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Household ID</source>
        <translation>Household ID</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Card number</source>
        <translation>Card number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expiry (MM/YY)</source>
        <translation>Expiry (MM/YY)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Brand</source>
        <translation>Brand</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last 4 digits</source>
        <translation>Last 4 digits</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Migrated</source>
        <translation>Migrated</translation>
    </message>
    <message>
        <location line="+9" />
        <source>PIN and signature</source>
        <translation>PIN and signature</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Photo check by staff</source>
        <translation>Photo check by staff</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Card read only (tap only)</source>
        <translation>Card read only (tap only)</translation>
    </message>
</context>
<context>
    <name>LinkagesPage</name>
    <message>
        <location filename="../ui/LinkagesPage.ui" line="+10" />
        <source>Search by</source>
        <translation>Search by</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Search text</source>
        <translation>Search text</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Linkages found</source>
        <translation>Linkages found</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Details and history…</source>
        <translation>&amp;Details and history…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Sus&amp;pend…</source>
        <translation>Sus&amp;pend…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;End…</source>
        <translation>&amp;End…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Migrate card…</source>
        <translation>&amp;Migrate card…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Import file…</source>
        <translation>&amp;Import file…</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../ui/LockScreen.ui" line="+5" />
        <source>Sign-in screen</source>
        <translation>Sign-in screen</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+29" />
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location line="-23" />
        <source>Sign in with your operator name and password.</source>
        <translation>Sign in with your operator name and password.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Operator:</source>
        <translation>&amp;Operator:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Operator name</source>
        <translation>Operator name</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Sign-in error</source>
        <translation>Sign-in error</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sign in with &amp;card…</source>
        <translation>Sign in with &amp;card…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sign in with your own My Number Card on the reader and its user-authentication PIN</source>
        <translation>Sign in with your own My Number Card on the reader and its user-authentication PIN</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sign in with card</source>
        <translation>Sign in with card</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Training credentials</source>
        <translation>Training credentials</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.ui" line="+6" />
        <source>Madoguchi</source>
        <translation>Madoguchi</translation>
    </message>
    <message>
        <location line="+6" />
        <source>TEST PKI — test roots are trusted. Certificates shown here are not real J-LIS certificates.</source>
        <translation>TEST PKI — test roots are trusted. Certificates shown here are not real J-LIS certificates.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Test PKI warning</source>
        <translation>Test PKI warning</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Lock</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;About Madoguchi</source>
        <translation>&amp;About Madoguchi</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../src/gui/Messages.cpp" line="+21" />
        <source>The smart card service is not running. Start it (pcscd / Smart Card service) or use the training reader.</source>
        <translation>The smart card service is not running. Start it (pcscd / Smart Card service) or use the training reader.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No card reader is connected. Connect a reader or use the training reader.</source>
        <translation>No card reader is connected. Connect a reader or use the training reader.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The card reader is no longer available. Check its cable.</source>
        <translation>The card reader is no longer available. Check its cable.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>There is no card on the reader.</source>
        <translation>There is no card on the reader.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The card was removed during reading. Put it back on the reader; nothing was changed.</source>
        <translation>The card was removed during reading. Put it back on the reader; nothing was changed.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The card did not answer properly. Put it on the reader again.</source>
        <translation>The card did not answer properly. Put it on the reader again.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Another program is using the card. Close it and try again.</source>
        <translation>Another program is using the card. Close it and try again.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This is not a My Number Card (no public personal authentication application).</source>
        <translation>This is not a My Number Card (no public personal authentication application).</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>The PIN is wrong. %n tries left.</source>
        <translation>
            <numerusform>The PIN is wrong. %n try left.</numerusform>
            <numerusform>The PIN is wrong. %n tries left.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0" />
        <source>The PIN is wrong.</source>
        <translation>The PIN is wrong.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The PIN is blocked. The resident must have it reset at their municipal office.</source>
        <translation>The PIN is blocked. The resident must have it reset at their municipal office.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This card has no PIN (face-authentication card). PIN-based proof is not possible; use the photo check where your office is approved.</source>
        <translation>This card has no PIN (face-authentication card). PIN-based proof is not possible; use the photo check where your office is approved.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The PIN does not have the right form (4 digits; signing password 6–16 letters A–Z and digits).</source>
        <translation>The PIN does not have the right form (4 digits; signing password 6–16 letters A–Z and digits).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Only one try is left. Ask the resident to confirm before entering the PIN.</source>
        <translation>Only one try is left. Ask the resident to confirm before entering the PIN.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This card has no signing certificate (face-authentication card or holder under 15). This is normal for such cards.</source>
        <translation>This card has no signing certificate (face-authentication card or holder under 15). This is normal for such cards.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The certificate has expired.</source>
        <translation>The certificate has expired.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The certificate is not valid yet.</source>
        <translation>The certificate is not valid yet.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The certificate has been revoked.</source>
        <translation>The certificate has been revoked.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The revocation status could not be determined; the card is not treated as valid.</source>
        <translation>The revocation status could not be determined; the card is not treated as valid.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The certificate was not issued by a trusted J-LIS authority.</source>
        <translation>The certificate was not issued by a trusted J-LIS authority.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A signature did not verify.</source>
        <translation>A signature did not verify.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The card returned data that is not valid.</source>
        <translation>The card returned data that is not valid.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The operation took too long and was stopped.</source>
        <translation>The operation took too long and was stopped.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The database key is wrong, or the file is not a Madoguchi database.</source>
        <translation>The database key is wrong, or the file is not a Madoguchi database.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The input was not accepted: %1</source>
        <translation>The input was not accepted: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your role does not allow this. Ask an administrator.</source>
        <translation>Your role does not allow this. Ask an administrator.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The operator name or password is wrong, or the account is disabled.</source>
        <translation>The operator name or password is wrong, or the account is disabled.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Too many wrong passwords. Sign-in is paused for a while; try again later.</source>
        <translation>Too many wrong passwords. Sign-in is paused for a while; try again later.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This card is not bound to an operator account. An administrator can bind it on the Operators page.</source>
        <translation>This card is not bound to an operator account. An administrator can bind it on the Operators page.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Not found.</source>
        <translation>Not found.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The disk is full. Nothing was half-saved: free some space, then try again. An import continues where it stopped.</source>
        <translation>The disk is full. Nothing was half-saved: free some space, then try again. An import continues where it stopped.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The revocation list is out of date; import a current one.</source>
        <translation>The revocation list is out of date; import a current one.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The server could not be reached. Work on this counter continues; try again later.</source>
        <translation>The server could not be reached. Work on this counter continues; try again later.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The server answered with an error (HTTP %1). Ask an administrator to check the terminal's registration.</source>
        <translation>The server answered with an error (HTTP %1). Ask an administrator to check the terminal's registration.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Something went wrong (%1).</source>
        <translation>Something went wrong (%1).</translation>
    </message>
    <message>
        <location line="+10" />
        <source>This build of Madoguchi has no keychain support.</source>
        <translation>This build of Madoguchi has no keychain support.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No keychain service answers on this computer (it needs a desktop session with a Secret Service such as GNOME Keyring or KWallet).</source>
        <translation>No keychain service answers on this computer (it needs a desktop session with a Secret Service such as GNOME Keyring or KWallet).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The keychain is locked or refused access.</source>
        <translation>The keychain is locked or refused access.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The keychain did not answer in time (it may be waiting to be unlocked).</source>
        <translation>The keychain did not answer in time (it may be waiting to be unlocked).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The keychain has no entry for this counter's database key.</source>
        <translation>The keychain has no entry for this counter's database key.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The key in the keychain does not open this database.</source>
        <translation>The key in the keychain does not open this database.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The keychain could not be used (%1).</source>
        <translation>The keychain could not be used (%1).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The keychain did not accept the database key. %1 Nothing was created: try again, or choose the administrator passphrase.</source>
        <translation>The keychain did not accept the database key. %1 Nothing was created: try again, or choose the administrator passphrase.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The counter could not be opened from the keychain. %1 Enter the recovery passphrase instead; the keychain entry is then repaired where the keychain allows it.</source>
        <translation>The counter could not be opened from the keychain. %1 Enter the recovery passphrase instead; the keychain entry is then repaired where the keychain allows it.</translation>
    </message>
</context>
<context>
    <name>OperatorsPage</name>
    <message>
        <location filename="../ui/OperatorsPage.ui" line="+5" />
        <source>Operators</source>
        <translation>Operators</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The people who may use this counter, and their roles. Every change is recorded in the audit log.</source>
        <translation>The people who may use this counter, and their roles. Every change is recorded in the audit log.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Operator accounts</source>
        <translation>Operator accounts</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Add operator…</source>
        <translation>&amp;Add operator…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Disable</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Reset password…</source>
        <translation>&amp;Reset password…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Change &amp;role…</source>
        <translation>Change &amp;role…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Bind card on the reader</source>
        <translation>&amp;Bind card on the reader</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Bind the My Number Card on the reader to the selected operator, for card sign-in</source>
        <translation>Bind the My Number Card on the reader to the selected operator, for card sign-in</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Bind card on the reader</source>
        <translation>Bind card on the reader</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Operators status</source>
        <translation>Operators status</translation>
    </message>
</context>
<context>
    <name>ReaderPanel</name>
    <message>
        <location filename="../ui/ReaderPanel.ui" line="+8" />
        <source>&amp;Readers</source>
        <translation>&amp;Readers</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Card readers</source>
        <translation>Card readers</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Training reader</source>
        <translation>Training reader</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Demo card</source>
        <translation>Demo card</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Insert card</source>
        <translation>&amp;Insert card</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Re&amp;move card</source>
        <translation>Re&amp;move card</translation>
    </message>
</context>
<context>
    <name>ResidentPinDialog</name>
    <message>
        <location filename="../ui/ResidentPinDialog.ui" line="+5" />
        <source>Enter your PIN</source>
        <translation>Enter your PIN</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Please enter the 4-digit PIN for user authentication (利用者証明用暗証番号).</source>
        <translation>Please enter the 4-digit PIN for user authentication (利用者証明用暗証番号).</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Checking how many tries are left…</source>
        <translation>Checking how many tries are left…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tries left</source>
        <translation>Tries left</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Staff: I have explained that one wrong PIN blocks the card, and the resident wants to try.</source>
        <translation>Staff: I have explained that one wrong PIN blocks the card, and the resident wants to try.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Staff confirmation of the last try</source>
        <translation>Staff confirmation of the last try</translation>
    </message>
    <message>
        <location line="+9" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>RevocationsPage</name>
    <message>
        <location filename="../ui/RevocationsPage.ui" line="+8" />
        <location line="+20" />
        <source>Loaded CRLs</source>
        <translation>Loaded CRLs</translation>
    </message>
    <message>
        <location line="-12" />
        <source>No CRL is loaded yet — import the J-LIS CRL with "Import CRL…". Until then every card's revocation status is unknown.</source>
        <translation>No CRL is loaded yet — import the J-LIS CRL with "Import CRL…". Until then every card's revocation status is unknown.</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Entries by reason</source>
        <translation>Entries by reason</translation>
    </message>
    <message>
        <location line="+9" />
        <source>OCSP settings</source>
        <translation>OCSP settings</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Import CRL…</source>
        <translation>&amp;Import CRL…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Look up a &amp;serial (hex):</source>
        <translation>Look up a &amp;serial (hex):</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Serial number in hex</source>
        <translation>Serial number in hex</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Look up</source>
        <translation>&amp;Look up</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Look-up result</source>
        <translation>Look-up result</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Migrations to do (reason 4)</source>
        <translation>&amp;Migrations to do (reason 4)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Migrations to do</source>
        <translation>Migrations to do</translation>
    </message>
    <message>
        <location line="+9" />
        <source>C&amp;hange of address (reason 3)</source>
        <translation>C&amp;hange of address (reason 3)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Change-of-address events</source>
        <translation>Change-of-address events</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Show &amp;done items</source>
        <translation>Show &amp;done items</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Mark done</source>
        <translation>&amp;Mark done</translation>
    </message>
</context>
<context>
    <name>RoleNames</name>
    <message>
        <location filename="../src/gui/RoleNames.cpp" line="+9" />
        <source>Municipal staff</source>
        <translation>Municipal staff</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Insurer clerk</source>
        <translation>Insurer clerk</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Auditor</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../ui/SettingsPage.ui" line="+5" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Display language:</source>
        <translation>&amp;Display language:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Display language</source>
        <translation>Display language</translation>
    </message>
    <message>
        <location line="+7" />
        <source>ℹ Only administrators change the office settings below.</source>
        <translation>ℹ Only administrators change the office settings below.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Card readers</source>
        <translation>Card readers</translation>
    </message>
    <message>
        <location line="+2" />
        <source>P&amp;referred reader:</source>
        <translation>P&amp;referred reader:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First reader with a card</source>
        <translation>First reader with a card</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Preferred reader</source>
        <translation>Preferred reader</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Allow &amp;extended-length APDUs where the reader supports them</source>
        <translation>Allow &amp;extended-length APDUs where the reader supports them</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Platform &amp;address:</source>
        <translation>Platform &amp;address:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>https://platform.example.jp</source>
        <translation>https://platform.example.jp</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Platform address</source>
        <translation>Platform address</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Terminal certificate:</source>
        <translation>&amp;Terminal certificate:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Path of the terminal's client certificate (PEM)</source>
        <translation>Path of the terminal's client certificate (PEM)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Terminal certificate path</source>
        <translation>Terminal certificate path</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Office policy</source>
        <translation>Office policy</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This office is approved for the &amp;photo-check route</source>
        <translation>This office is approved for the &amp;photo-check route</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Lock after inactivity:</source>
        <translation>&amp;Lock after inactivity:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lock after inactivity, minutes</source>
        <translation>Lock after inactivity, minutes</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+2" />
        <source>Trust anchors</source>
        <translation>Trust anchors</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Install anchor from file…</source>
        <translation>&amp;Install anchor from file…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Settings status</source>
        <translation>Settings status</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../ui/SyncPage.ui" line="+18" />
        <source>Not configured: this counter works offline</source>
        <translation>Not configured: this counter works offline</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No platform is configured, so nothing is sent or received and every change stays on this counter. Once the terminal is registered with the platform, an administrator enters the platform address and the terminal certificate in Settings; the changes made until then are sent at the first sync.</source>
        <translation>No platform is configured, so nothing is sent or received and every change stays on this counter. Once the terminal is registered with the platform, an administrator enters the platform address and the terminal certificate in Settings; the changes made until then are sent at the first sync.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Open &amp;Settings</source>
        <translation>Open &amp;Settings</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Platform address</source>
        <translation>Platform address</translation>
    </message>
    <message>
        <location line="+4" />
        <source>State:</source>
        <translation>State:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Sync state</source>
        <translation>Sync state</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Last sent:</source>
        <translation>Last sent:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last sent</source>
        <translation>Last sent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last received:</source>
        <translation>Last received:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last received</source>
        <translation>Last received</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waiting to be sent:</source>
        <translation>Waiting to be sent:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Changes waiting to be sent</source>
        <translation>Changes waiting to be sent</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Sync &amp;now</source>
        <translation>Sync &amp;now</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Send this counter's changes and receive the others' (Ctrl+R)</source>
        <translation>Send this counter's changes and receive the others' (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+6" />
        <source>Sync progress</source>
        <translation>Sync progress</translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+22" />
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location line="-14" />
        <source>No conflicts. When another counter has linked the same card and kind differently, both versions appear here for you to decide; nothing is overwritten on its own.</source>
        <translation>No conflicts. When another counter has linked the same card and kind differently, both versions appear here for you to decide; nothing is overwritten on its own.</translation>
    </message>
    <message>
        <location line="+24" />
        <location line="+4" />
        <source>This counter's version</source>
        <translation>This counter's version</translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+4" />
        <source>The platform's version</source>
        <translation>The platform's version</translation>
    </message>
    <message>
        <location line="+18" />
        <source>&amp;Keep this counter's version</source>
        <translation>&amp;Keep this counter's version</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sends this counter's version again as a new version; the platform's one is ended.</source>
        <translation>Sends this counter's version again as a new version; the platform's one is ended.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Take the platform's version</source>
        <translation>&amp;Take the platform's version</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stores the platform's version here as a new version; this counter's one is ended.</source>
        <translation>Stores the platform's version here as a new version; this counter's one is ended.</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::AddOperatorDialog</name>
    <message>
        <location filename="../src/gui/AddOperatorDialog.cpp" line="+38" />
        <source>⚠ The two passwords differ.</source>
        <translation>⚠ The two passwords differ.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>⚠ The password needs at least %1 characters.</source>
        <translation>⚠ The password needs at least %1 characters.</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::AuditLogModel</name>
    <message>
        <location filename="../src/gui/AuditLogModel.cpp" line="+71" />
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::AuditPage</name>
    <message>
        <location filename="../src/gui/AuditPage.cpp" line="+67" />
        <source>The audit log cannot be opened.</source>
        <translation>The audit log cannot be opened.</translation>
    </message>
    <message>
        <location line="+78" />
        <source>No entries match this filter. Clear the filter to see the whole log.</source>
        <translation>No entries match this filter. Clear the filter to see the whole log.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The audit log has no entries yet. Sign-ins, card reads and every change to the registry will appear here.</source>
        <translation>The audit log has no entries yet. Sign-ins, card reads and every change to the registry will appear here.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Verifying…</source>
        <translation>Verifying…</translation>
    </message>
    <message numerus="yes">
        <location line="+44" />
        <source>Intact: %n entries, %1 signed tree heads checked.</source>
        <translation>
            <numerusform>Intact: %n entries, %1 signed tree heads checked.</numerusform>
            <numerusform>Intact: %n entries, %1 signed tree heads checked.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3" />
        <source>Verification cancelled; nothing was concluded.</source>
        <translation>Verification cancelled; nothing was concluded.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>NOT intact: %1</source>
        <translation>NOT intact: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>(first bad entry: No. %1)</source>
        <translation>(first bad entry: No. %1)</translation>
    </message>
    <message>
        <location line="+33" />
        <source>Audit log report</source>
        <translation>Audit log report</translation>
    </message>
    <message numerus="yes">
        <location line="+13" />
        <source>Exported %n entries; the export is recorded in the log.</source>
        <translation>
            <numerusform>Exported %n entries; the export is recorded in the log.</numerusform>
            <numerusform>Exported %n entries; the export is recorded in the log.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7" />
        <source>Export audit entries as CSV</source>
        <translation>Export audit entries as CSV</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Export audit report as PDF</source>
        <translation>Export audit report as PDF</translation>
    </message>
    <message>
        <location line="+0" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::CardView</name>
    <message>
        <location filename="../src/gui/CardView.cpp" line="+35" />
        <source>Reading the card on %1…</source>
        <translation>Reading the card on %1…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>My Number Card</source>
        <translation>My Number Card</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Basic Resident Register card (old)</source>
        <translation>Basic Resident Register card (old)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Smartphone JPKI</source>
        <translation>Smartphone JPKI</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unknown JPKI token</source>
        <translation>Unknown JPKI token</translation>
    </message>
    <message>
        <location line="+4" />
        <source> — face-authentication card (no PINs, no signing certificate)</source>
        <translation> — face-authentication card (no PINs, no signing certificate)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>✔ Certificate chain verified (J-LIS).</source>
        <translation>✔ Certificate chain verified (J-LIS).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✔ Certificate chain verified against a TEST root.</source>
        <translation>✔ Certificate chain verified against a TEST root.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>✖ Certificate not accepted: %1</source>
        <translation>✖ Certificate not accepted: %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Certificate chain not checked.</source>
        <translation>Certificate chain not checked.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>, STALE</source>
        <translation>, STALE</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Revocation not checked yet.</source>
        <translation>Revocation not checked yet.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✔ Not revoked %1.</source>
        <translation>✔ Not revoked %1.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✖ REVOKED on %1: %2 %3.</source>
        <translation>✖ REVOKED on %1: %2 %3.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>? Revocation status unknown: %1.</source>
        <translation>? Revocation status unknown: %1.</translation>
    </message>
    <message>
        <location line="-27" />
        <source>no CRL of this issuer is loaded</source>
        <translation>no CRL of this issuer is loaded</translation>
    </message>
    <message>
        <location line="-39" />
        <source>age unknown</source>
        <translation>age unknown</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n minute(s) old</source>
        <translation>
            <numerusform>%n minute(s) old</numerusform>
            <numerusform>%n minute(s) old</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n hour(s) old</source>
        <translation>
            <numerusform>%n hour(s) old</numerusform>
            <numerusform>%n hour(s) old</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n day(s) old</source>
        <translation>
            <numerusform>%n day(s) old</numerusform>
            <numerusform>%n day(s) old</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14" />
        <source>(from the CRL of %1 issued %2, %3%4)</source>
        <translation>(from the CRL of %1 issued %2, %3%4)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>(from the OCSP responder %1, answered %2)</source>
        <translation>(from the OCSP responder %1, answered %2)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>(from the platform's revocation feed %1, as of %2)</source>
        <translation>(from the platform's revocation feed %1, as of %2)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>the CRL is out of date</source>
        <translation>the CRL is out of date</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no revocation source answered (CRL, OCSP) — do not rely on this card yet</source>
        <translation>no revocation source answered (CRL, OCSP) — do not rely on this card yet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no revocation source is configured</source>
        <translation>no revocation source is configured</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the OCSP responder does not know this certificate</source>
        <translation>the OCSP responder does not know this certificate</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Checking whether the card on %1 is revoked…</source>
        <translation>Checking whether the card on %1 is revoked…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1
(reader: %2)</source>
        <translation>%1
(reader: %2)</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::EnrolmentWizard</name>
    <message>
        <location filename="../src/gui/EnrolmentWizard.cpp" line="+38" />
        <source>The enrolment was cancelled. Nothing was stored.</source>
        <translation>The enrolment was cancelled. Nothing was stored.</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Card on %1
Serial: %2
%3</source>
        <translation>Card on %1
Serial: %2
%3</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✔ Genuine card, valid certificate.</source>
        <translation>✔ Genuine card, valid certificate.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>No card has been read.</source>
        <translation>No card has been read.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The card's certificate is not from a trusted JPKI authority.</source>
        <translation>The card's certificate is not from a trusted JPKI authority.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The card's certificate is expired or not yet valid; it cannot be enrolled.</source>
        <translation>The card's certificate is expired or not yet valid; it cannot be enrolled.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Place the resident's My Number Card on the reader.</source>
        <translation>Place the resident's My Number Card on the reader.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The card was removed, so the enrolment was cancelled. Nothing was stored.</source>
        <translation>The card was removed, so the enrolment was cancelled. Nothing was stored.</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Read the card</source>
        <translation>Read the card</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Prove the holder</source>
        <translation>Prove the holder</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Choose the linkage</source>
        <translation>Choose the linkage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Enter the details</source>
        <translation>Enter the details</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Step %1 of 6: %2</source>
        <translation>Step %1 of 6: %2</translation>
    </message>
    <message>
        <location line="+30" />
        <source>&amp;Enrol</source>
        <translation>&amp;Enrol</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Next</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;New enrolment</source>
        <translation>&amp;New enrolment</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Ca&amp;ncel</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <location line="+9" />
        <source>This is a face-authentication card: it has no PINs. Only the photo check can prove the holder, where this office is approved.</source>
        <translation>This is a face-authentication card: it has no PINs. Only the photo check can prove the holder, where this office is approved.</translation>
    </message>
    <message>
        <location line="+52" />
        <source>Checking the PIN and the card's signature…</source>
        <translation>Checking the PIN and the card's signature…</translation>
    </message>
    <message>
        <location line="+15" />
        <source>✔ PIN and signature verified: the resident holds this card.</source>
        <translation>✔ PIN and signature verified: the resident holds this card.</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>✖ Wrong PIN. Tries left: %n. Nothing was retried; the resident may try again only if they wish.</source>
        <translation>
            <numerusform>✖ Wrong PIN. Tries left: %n. Nothing was retried; the resident may try again only if they wish.</numerusform>
            <numerusform>✖ Wrong PIN. Tries left: %n. Nothing was retried; the resident may try again only if they wish.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16" />
        <source>✔ Photo check recorded by %1.</source>
        <translation>✔ Photo check recorded by %1.</translation>
    </message>
    <message>
        <location filename="../src/gui/EnrolmentWizardSteps.cpp" line="+35" />
        <source>Your role (%1) cannot enrol residents.</source>
        <translation>Your role (%1) cannot enrol residents.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>typed hidden; never stored</source>
        <translation>typed hidden; never stored</translation>
    </message>
    <message>
        <location line="+2" />
        <source>leave empty to issue a new platform ID here</source>
        <translation>leave empty to issue a new platform ID here</translation>
    </message>
    <message>
        <location line="+40" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 ending in %2</source>
        <translation>%1 ending in %2</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&lt;p&gt;&lt;b&gt;Card&lt;/b&gt;: %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Holder proved by&lt;/b&gt;: %2&lt;/p&gt;&lt;p&gt;&lt;b&gt;Linkage&lt;/b&gt;: %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Card&lt;/b&gt;: %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Holder proved by&lt;/b&gt;: %2&lt;/p&gt;&lt;p&gt;&lt;b&gt;Linkage&lt;/b&gt;: %3&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+33" />
        <source>✔ Enrolled. Print the receipt for the resident.</source>
        <translation>✔ Enrolled. Print the receipt for the resident.</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::FirstRunDialog</name>
    <message>
        <location filename="../src/gui/FirstRunDialog.cpp" line="+21" />
        <source>✔ A keychain is available on this computer.</source>
        <translation>✔ A keychain is available on this computer.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>✖ Not available: %1</source>
        <translation>✖ Not available: %1</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Recovery &amp;passphrase:</source>
        <translation>Recovery &amp;passphrase:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Administrator &amp;passphrase:</source>
        <translation>Administrator &amp;passphrase:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Recovery passphrase</source>
        <translation>Recovery passphrase</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Administrator passphrase</source>
        <translation>Administrator passphrase</translation>
    </message>
    <message>
        <location line="+2" />
        <source>ℹ The counter opens without a prompt on this computer. The recovery passphrase opens it if the keychain entry is lost or the keychain is locked: write it down and keep it in a safe.</source>
        <translation>ℹ The counter opens without a prompt on this computer. The recovery passphrase opens it if the keychain entry is lost or the keychain is locked: write it down and keep it in a safe.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>ℹ The passphrase is asked for at every start of the counter.</source>
        <translation>ℹ The passphrase is asked for at every start of the counter.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>✖ Too short: at least %1 characters.</source>
        <translation>✖ Too short: at least %1 characters.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>⚠ Weak (about %1 bits). Use a longer phrase of several words.</source>
        <translation>⚠ Weak (about %1 bits). Use a longer phrase of several words.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>◐ Fair (about %1 bits). A few more words make it strong.</source>
        <translation>◐ Fair (about %1 bits). A few more words make it strong.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✔ Strong (about %1 bits).</source>
        <translation>✔ Strong (about %1 bits).</translation>
    </message>
    <message>
        <location line="+8" />
        <source>⚠ The two passphrases differ.</source>
        <translation>⚠ The two passphrases differ.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>⚠ The two passwords differ.</source>
        <translation>⚠ The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::ImportDialog</name>
    <message>
        <location filename="../src/gui/ImportDialog.cpp" line="+69" />
        <source>Detect automatically</source>
        <translation>Detect automatically</translation>
    </message>
    <message>
        <location line="+1" />
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shift_JIS (Excel)</source>
        <translation>Shift_JIS (Excel)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Import the valid rows, report the others</source>
        <translation>Import the valid rows, report the others</translation>
    </message>
    <message>
        <location line="+2" />
        <source>All or nothing: any bad row stops the import</source>
        <translation>All or nothing: any bad row stops the import</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Choose a CSV file of linkages. Nothing is stored until you press Import.</source>
        <translation>Choose a CSV file of linkages. Nothing is stored until you press Import.</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message numerus="yes">
        <location line="+27" />
        <source>Importing… %n row(s) read.</source>
        <translation>
            <numerusform>Importing… %n row(s) read.</numerusform>
            <numerusform>Importing… %n row(s) read.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11" />
        <source>✖ Import cancelled. Rows already committed are kept; importing the same file again resumes after them.</source>
        <translation>✖ Import cancelled. Rows already committed are kept; importing the same file again resumes after them.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>✔ %1 row(s) read, %2 imported, %3 rejected.</source>
        <translation>✔ %1 row(s) read, %2 imported, %3 rejected.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>✖ Nothing was stored: %1 row(s) have problems (all-or-nothing).</source>
        <translation>✖ Nothing was stored: %1 row(s) have problems (all-or-nothing).</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Choose a linkage file</source>
        <translation>Choose a linkage file</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Save the import report</source>
        <translation>Save the import report</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✖ The report could not be saved to %1.</source>
        <translation>✖ The report could not be saved to %1.</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::ImportIssueModel</name>
    <message>
        <location filename="../src/gui/ImportIssueModel.cpp" line="+17" />
        <location line="+43" />
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="-43" />
        <location line="+45" />
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="-45" />
        <location line="+47" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::LinkageDetailDialog</name>
    <message>
        <location filename="../src/gui/LinkageDetailDialog.cpp" line="+22" />
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; — %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; — %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Linkage number</source>
        <translation>Linkage number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Holder proved by</source>
        <translation>Holder proved by</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>open</source>
        <translation>open</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::LinkageTableModel</name>
    <message>
        <location filename="../src/gui/LinkageTableModel.cpp" line="+86" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Identifier</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Holder proved by</source>
        <translation>Holder proved by</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location line="+2" />
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+2" />
        <source>At</source>
        <translation>At</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::LinkagesPage</name>
    <message>
        <location filename="../src/gui/LinkagesPage.cpp" line="+48" />
        <source>Card on the reader</source>
        <translation>Card on the reader</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Platform ID</source>
        <translation>Platform ID</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Insurance (insurer symbol number branch)</source>
        <translation>Insurance (insurer symbol number branch)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resident name</source>
        <translation>Resident name</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No linkages yet — enrol a resident on the Enrolment page, or search above.</source>
        <translation>No linkages yet — enrol a resident on the Enrolment page, or search above.</translation>
    </message>
    <message>
        <location line="+73" />
        <source>✖ Enter the insurer number, symbol, number and branch, e.g. "33120015 A 123 01".</source>
        <translation>✖ Enter the insurer number, symbol, number and branch, e.g. "33120015 A 123 01".</translation>
    </message>
    <message>
        <location line="+10" />
        <source>No linkages found. Enrol the resident on the Enrolment page.</source>
        <translation>No linkages found. Enrol the resident on the Enrolment page.</translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n linkage(s) found.</source>
        <translation>
            <numerusform>%n linkage(s) found.</numerusform>
            <numerusform>%n linkage(s) found.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+44" />
        <source>End linkage</source>
        <translation>End linkage</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Suspend linkage</source>
        <translation>Suspend linkage</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reason (recorded in the history):</source>
        <translation>Reason (recorded in the history):</translation>
    </message>
    <message>
        <location line="+8" />
        <source>✔ Linkage ended.</source>
        <translation>✔ Linkage ended.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>✔ Linkage suspended.</source>
        <translation>✔ Linkage suspended.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Migrate to the successor card</source>
        <translation>Migrate to the successor card</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Successor card identity (issuer key id:serial, hex):</source>
        <translation>Successor card identity (issuer key id:serial, hex):</translation>
    </message>
    <message>
        <location line="+6" />
        <source>✖ That is not a card identity (issuer key id:serial in hex).</source>
        <translation>✖ That is not a card identity (issuer key id:serial in hex).</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>✔ %n linkage(s) migrated to the successor card.</source>
        <translation>
            <numerusform>✔ %n linkage(s) migrated to the successor card.</numerusform>
            <numerusform>✔ %n linkage(s) migrated to the successor card.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::LockScreen</name>
    <message>
        <location filename="../src/gui/LockScreen.cpp" line="+92" />
        <source>⚠ Put your My Number Card on the reader first.</source>
        <translation>⚠ Put your My Number Card on the reader first.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Reading your card…</source>
        <translation>Reading your card…</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Enter your PIN on the reader's keypad…</source>
        <translation>Enter your PIN on the reader's keypad…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Checking your PIN with the card…</source>
        <translation>Checking your PIN with the card…</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The session of %1 (%2) is locked. Enter the password to continue, or sign out.</source>
        <translation>The session of %1 (%2) is locked. Enter the password to continue, or sign out.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sign in with your operator name and password.</source>
        <translation>Sign in with your operator name and password.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <location line="+2" />
        <source>TEST — training counter. Operators: %1 (administrator), %2 (municipal staff), %3 (insurer clerk), %4 (auditor). Password for all: %5. Database passphrase: %6. Never use these for real data.</source>
        <translation>TEST — training counter. Operators: %1 (administrator), %2 (municipal staff), %3 (insurer clerk), %4 (auditor). Password for all: %5. Database passphrase: %6. Never use these for real data.</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::MainWindow</name>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="+115" />
        <source>&amp;Card</source>
        <translation>&amp;Card</translation>
    </message>
    <message>
        <location line="-69" />
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location line="+71" />
        <source>&amp;Enrolment</source>
        <translation>&amp;Enrolment</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Linkages</source>
        <translation>&amp;Linkages</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Revocations</source>
        <translation>&amp;Revocations</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Audit</source>
        <translation>&amp;Audit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>S&amp;ync</source>
        <translation>S&amp;ync</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Se&amp;ttings</source>
        <translation>Se&amp;ttings</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Operators</source>
        <translation>&amp;Operators</translation>
    </message>
    <message>
        <location line="+128" />
        <source>Madoguchi</source>
        <translation>Madoguchi</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Locked: %1</source>
        <translation>Locked: %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Signed in: %1</source>
        <translation>Signed in: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Nobody signed in</source>
        <translation>Nobody signed in</translation>
    </message>
    <message>
        <location line="+3" />
        <source>TEST PKI</source>
        <translation>TEST PKI</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Card removed from %1</source>
        <translation>Card removed from %1</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Card read from %1</source>
        <translation>Card read from %1</translation>
    </message>
    <message>
        <location line="+11" />
        <source>About Madoguchi</source>
        <translation>About Madoguchi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;p&gt;&lt;b&gt;Madoguchi&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;The counter tool of the JPKI common platform: read My Number Cards, prove the holder, register linkages.&lt;/p&gt;&lt;p&gt;Madoguchi never reads, stores or logs the individual number (My Number).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Madoguchi&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;The counter tool of the JPKI common platform: read My Number Cards, prove the holder, register linkages.&lt;/p&gt;&lt;p&gt;Madoguchi never reads, stores or logs the individual number (My Number).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::OperatorListModel</name>
    <message>
        <location filename="../src/gui/OperatorListModel.cpp" line="+54" />
        <source>⛔ Disabled</source>
        <translation>⛔ Disabled</translation>
    </message>
    <message>
        <location line="+3" />
        <source>⏸ Paused after wrong passwords until %1</source>
        <translation>⏸ Paused after wrong passwords until %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>✔ Active</source>
        <translation>✔ Active</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+2" />
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::OperatorsPage</name>
    <message>
        <location filename="../src/gui/OperatorsPage.cpp" line="+78" />
        <source>&amp;Enable</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Disable</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <location line="+11" />
        <source>✔ Operator %1 added.</source>
        <translation>✔ Operator %1 added.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>✔ Operator %1 disabled.</source>
        <translation>✔ Operator %1 disabled.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>✔ Operator %1 enabled.</source>
        <translation>✔ Operator %1 enabled.</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+5" />
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location line="-5" />
        <source>New password for %1:</source>
        <translation>New password for %1:</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The same password again:</source>
        <translation>The same password again:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>⚠ The two passwords differ. Nothing was changed.</source>
        <translation>⚠ The two passwords differ. Nothing was changed.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>✔ Password of %1 reset.</source>
        <translation>✔ Password of %1 reset.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Change role</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location line="+0" />
        <source>New role for %1:</source>
        <translation>New role for %1:</translation>
    </message>
    <message>
        <location line="+6" />
        <source>✔ %1 is now: %2.</source>
        <translation>✔ %1 is now: %2.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>⚠ Put the operator's My Number Card on the reader first.</source>
        <translation>⚠ Put the operator's My Number Card on the reader first.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Reading the card…</source>
        <translation>Reading the card…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>✔ The card on the reader is now bound to %1. %1 can sign in with it.</source>
        <translation>✔ The card on the reader is now bound to %1. %1 can sign in with it.</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::PlaceholderPage</name>
    <message>
        <location filename="../src/gui/PlaceholderPage.cpp" line="+24" />
        <source>Enrolment</source>
        <translation>Enrolment</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The enrolment wizard is not part of this build yet. Use `madoguchi-cli linkage add` meanwhile.</source>
        <translation>The enrolment wizard is not part of this build yet. Use `madoguchi-cli linkage add` meanwhile.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Linkages</source>
        <translation>Linkages</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The linkage search is not part of this build yet. Use `madoguchi-cli linkage find` meanwhile.</source>
        <translation>The linkage search is not part of this build yet. Use `madoguchi-cli linkage find` meanwhile.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Revocations</source>
        <translation>Revocations</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No revocation lists are loaded in this view yet. Use `madoguchi-cli crl` meanwhile.</source>
        <translation>No revocation lists are loaded in this view yet. Use `madoguchi-cli crl` meanwhile.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The audit log view is not part of this build yet.</source>
        <translation>The audit log view is not part of this build yet.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not connected to a platform yet. This counter works offline; set the platform address in Settings once the terminal is registered.</source>
        <translation>Not connected to a platform yet. This counter works offline; set the platform address in Settings once the terminal is registered.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Not available</source>
        <translation>Not available</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::ReaderListModel</name>
    <message>
        <location filename="../src/gui/ReaderListModel.cpp" line="+30" />
        <source>Card does not respond</source>
        <translation>Card does not respond</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Card in use by another program</source>
        <translation>Card in use by another program</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Card present</source>
        <translation>Card present</translation>
    </message>
    <message>
        <location line="+0" />
        <source>No card</source>
        <translation>No card</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::ReaderPanel</name>
    <message>
        <location filename="../src/gui/ReaderPanel.cpp" line="+38" />
        <source>No reader found. Connect a card reader.</source>
        <translation>No reader found. Connect a card reader.</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::ResidentPinDialog</name>
    <message>
        <location filename="../src/gui/ResidentPinDialog.cpp" line="+31" />
        <source>&amp;Confirm PIN</source>
        <translation>&amp;Confirm PIN</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Sign in with your card</source>
        <translation>Sign in with your card</translation>
    </message>
    <message>
        <location line="+1" />
        <source>I know that one wrong PIN blocks my card, and I want to try.</source>
        <translation>I know that one wrong PIN blocks my card, and I want to try.</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Enter the PIN on the reader's keypad after pressing Confirm. The PIN goes to the card only, never to this computer.</source>
        <translation>Enter the PIN on the reader's keypad after pressing Confirm. The PIN goes to the card only, never to this computer.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Checking how many tries are left…</source>
        <translation>Checking how many tries are left…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The PIN was already confirmed on this card.</source>
        <translation>The PIN was already confirmed on this card.</translation>
    </message>
    <message numerus="yes">
        <location line="+1" />
        <location line="+3" />
        <source>Tries left: %n</source>
        <translation>
            <numerusform>Tries left: %n</numerusform>
            <numerusform>Tries left: %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>⚠ Only ONE try is left. A wrong PIN now blocks the card; it can then only be reset at the municipal office. Staff must confirm before you type.</source>
        <translation>⚠ Only ONE try is left. A wrong PIN now blocks the card; it can then only be reset at the municipal office. Staff must confirm before you type.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>No tries are left.</source>
        <translation>No tries are left.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>⚠ The PIN is blocked. It can be reset at the municipal office with an identity check. Do not try again here.</source>
        <translation>⚠ The PIN is blocked. It can be reset at the municipal office with an identity check. Do not try again here.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This card has no PIN.</source>
        <translation>This card has no PIN.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This is a face-authentication card: it has no PINs. Use the photo check where this office is approved for it.</source>
        <translation>This is a face-authentication card: it has no PINs. Use the photo check where this office is approved for it.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The card could not be checked.</source>
        <translation>The card could not be checked.</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::RevocationsCrlModel</name>
    <message numerus="yes">
        <location filename="../src/gui/RevocationsCrlModel.cpp" line="+19" />
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <location line="+7" />
        <source>unspecified / destroyed before delivery (0)</source>
        <translation>unspecified / destroyed before delivery (0)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>lost, stolen or key compromised (1)</source>
        <translation>lost, stolen or key compromised (1)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>CA compromised (2)</source>
        <translation>CA compromised (2)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>recorded facts changed, e.g. moved (3)</source>
        <translation>recorded facts changed, e.g. moved (3)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>renewed or re-issued (4)</source>
        <translation>renewed or re-issued (4)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no longer needed (5)</source>
        <translation>no longer needed (5)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>on hold (6)</source>
        <translation>on hold (6)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>removed from CRL (8)</source>
        <translation>removed from CRL (8)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>privilege withdrawn (9)</source>
        <translation>privilege withdrawn (9)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>AA compromised (10)</source>
        <translation>AA compromised (10)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <location line="+29" />
        <source> (delta)</source>
        <translation> (delta)</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+4" />
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+2" />
        <source>STALE — %1 old</source>
        <translation>STALE — %1 old</translation>
    </message>
    <message>
        <location line="+1" />
        <source>current — %1 old</source>
        <translation>current — %1 old</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Issuer</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location line="+2" />
        <source>CRL number</source>
        <translation>CRL number</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Next update</source>
        <translation>Next update</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Id</source>
        <translation>Id</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::RevocationsPage</name>
    <message>
        <location filename="../src/gui/RevocationsPage.cpp" line="+34" />
        <source>OCSP: no responder configured (set it in Settings); CRLs only.</source>
        <translation>OCSP: no responder configured (set it in Settings); CRLs only.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OCSP responder: %1</source>
        <translation>OCSP responder: %1</translation>
    </message>
    <message>
        <location line="+29" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Entries by reason — %1</source>
        <translation>Entries by reason — %1</translation>
    </message>
    <message numerus="yes">
        <location line="+7" />
        <source>✔ CRL imported: %n entries.</source>
        <translation>
            <numerusform>✔ CRL imported: %n entries.</numerusform>
            <numerusform>✔ CRL imported: %n entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17" />
        <source> None of the %n registered card(s) is revoked by it.</source>
        <translation>
            <numerusform> None of the %n registered card(s) is revoked by it.</numerusform>
            <numerusform> None of the %n registered card(s) is revoked by it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source> ⚠ %n registered card(s) revoked: their linkages are suspended or ended, migrations queued below.</source>
        <translation>
            <numerusform> ⚠ %n registered card(s) revoked: their linkages are suspended or ended, migrations queued below.</numerusform>
            <numerusform> ⚠ %n registered card(s) revoked: their linkages are suspended or ended, migrations queued below.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6" />
        <source>Choose the CRL</source>
        <translation>Choose the CRL</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CRL files (*.crl *.der);;All files (*)</source>
        <translation>CRL files (*.crl *.der);;All files (*)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Choose the CA certificate that signed it</source>
        <translation>Choose the CA certificate that signed it</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM certificates (*.pem *.crt);;All files (*)</translation>
    </message>
    <message>
        <location line="+11" />
        <source>✖ Type the serial in hexadecimal, e.g. 01:2A:FF.</source>
        <translation>✖ Type the serial in hexadecimal, e.g. 01:2A:FF.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>? Unknown: no CRL is loaded, so nothing can be said about this serial.</source>
        <translation>? Unknown: no CRL is loaded, so nothing can be said about this serial.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>from the CRL of %1 issued %2%3</source>
        <translation>from the CRL of %1 issued %2%3</translation>
    </message>
    <message>
        <location line="+2" />
        <source> — STALE, import a current one</source>
        <translation> — STALE, import a current one</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✖ Revoked on %1: %2 (%3).</source>
        <translation>✖ Revoked on %1: %2 (%3).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>✔ Not listed (%1).</source>
        <translation>✔ Not listed (%1).</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Nothing to work through: revocation events that need the counter appear here.</source>
        <translation>Nothing to work through: revocation events that need the counter appear here.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 migration(s), %2 change(s) of address listed.</source>
        <translation>%1 migration(s), %2 change(s) of address listed.</translation>
    </message>
    <message>
        <location line="+31" />
        <source>✔ Marked done.</source>
        <translation>✔ Marked done.</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::RevocationsWorkModel</name>
    <message>
        <location filename="../src/gui/RevocationsWorkModel.cpp" line="+49" />
        <source>Migrate to successor</source>
        <translation>Migrate to successor</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Renewed, successor not yet known</source>
        <translation>Renewed, successor not yet known</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Change of address</source>
        <translation>Change of address</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Done by %1</source>
        <translation>Done by %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>To do</source>
        <translation>To do</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Work</source>
        <translation>Work</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Revoked at</source>
        <translation>Revoked at</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Successor</source>
        <translation>Successor</translation>
    </message>
    <message>
        <location line="+2" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::SettingsPage</name>
    <message>
        <location filename="../src/gui/SettingsPage.cpp" line="+40" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <location line="+79" />
        <source>Install trust anchor</source>
        <translation>Install trust anchor</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Certificates (*.pem *.crt *.cer *.der)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der)</translation>
    </message>
    <message numerus="yes">
        <location line="+9" />
        <source>✔ %n anchor(s) installed.</source>
        <translation>
            <numerusform>✔ %n anchor(s) installed.</numerusform>
            <numerusform>✔ %n anchor(s) installed.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6" />
        <source>✔ Saved.</source>
        <translation>✔ Saved.</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::SyncConflictModel</name>
    <message>
        <location filename="../src/gui/SyncConflictModel.cpp" line="+32" />
        <source>Linked differently at another counter</source>
        <translation>Linked differently at another counter</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Changed at another counter in the meantime</source>
        <translation>Changed at another counter in the meantime</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Refused by the platform (%1)</source>
        <translation>Refused by the platform (%1)</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Found</source>
        <translation>Found</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::SyncPage</name>
    <message>
        <location filename="../src/gui/SyncPage.cpp" line="+20" />
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+77" />
        <source>Not configured</source>
        <translation>Not configured</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Changes wait to be sent</source>
        <translation>Changes wait to be sent</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Up to date</source>
        <translation>Up to date</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Offline — work continues here and is sent at the next sync</source>
        <translation>Offline — work continues here and is sent at the next sync</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>(%n conflict(s) to decide)</source>
        <translation>
            <numerusform>(%n conflict(s) to decide)</numerusform>
            <numerusform>(%n conflict(s) to decide)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8" />
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change(s)</numerusform>
            <numerusform>%n change(s)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18" />
        <source>The platform refused this change: %1</source>
        <translation>The platform refused this change: %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Version: %1</source>
        <translation>Version: %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Valid from: %1</source>
        <translation>Valid from: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>By: %1</source>
        <translation>By: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 at %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Your role may look at conflicts but not decide them.</source>
        <translation>Your role may look at conflicts but not decide them.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Compare both versions with the resident's documents, then choose one. The choice is recorded.</source>
        <translation>Compare both versions with the resident's documents, then choose one. The choice is recorded.</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Connecting to the platform…</source>
        <translation>Connecting to the platform…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 sent, %2 received…</source>
        <translation>%1 sent, %2 received…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Done: %1 sent, %2 received, %3 new conflict(s).</source>
        <translation>Done: %1 sent, %2 received, %3 new conflict(s).</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Kept this counter's version; it is sent at the next sync.</source>
        <translation>Kept this counter's version; it is sent at the next sync.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Took the platform's version; this counter's one is ended.</source>
        <translation>Took the platform's version; this counter's one is ended.</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::TrustAnchorModel</name>
    <message>
        <location filename="../src/gui/TrustAnchorModel.cpp" line="+40" />
        <source>Built in (J-LIS)</source>
        <translation>Built in (J-LIS)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Installed</source>
        <translation>Installed</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+8" />
        <source>⚠ TEST</source>
        <translation>⚠ TEST</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Key ID</source>
        <translation>Key ID</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/app/madoguchi/AppOptions.cpp" line="+13" />
        <source>Madoguchi — the JPKI counter tool</source>
        <translation>Madoguchi — the JPKI counter tool</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Use the training reader with demo cards.</source>
        <translation>Use the training reader with demo cards.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Language: ja or en.</source>
        <translation>Language: ja or en.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Training: insert this demo card at start.</source>
        <translation>Training: insert this demo card at start.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Save a screenshot and quit.</source>
        <translation>Save a screenshot and quit.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Directory for local data.</source>
        <translation>Directory for local data.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Training: sign in the demo operator of this role without a dialog (municipal_staff, insurer_clerk, auditor, admin).</source>
        <translation>Training: sign in the demo operator of this role without a dialog (municipal_staff, insurer_clerk, auditor, admin).</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Show this page first (1 = Card … 8 = Operators).</source>
        <translation>Show this page first (1 = Card … 8 = Operators).</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Unknown role: %1</source>
        <translation>Unknown role: %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Unknown page: %1 (use 1-8)</source>
        <translation>Unknown page: %1 (use 1-8)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Unknown language: %1 (use ja or en)</source>
        <translation>Unknown language: %1 (use ja or en)</translation>
    </message>
    <message>
        <location filename="../src/app/madoguchi/main.cpp" line="+59" />
        <source>Madoguchi cannot start: %1</source>
        <translation>Madoguchi cannot start: %1</translation>
    </message>
    <message>
        <location filename="../src/app/madoguchi/CounterStartup.cpp" line="+72" />
        <source>Recovery passphrase of the counter database:</source>
        <translation>Recovery passphrase of the counter database:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrator passphrase of the counter database:</source>
        <translation>Administrator passphrase of the counter database:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open the counter</source>
        <translation>Open the counter</translation>
    </message>
</context>
</TS>