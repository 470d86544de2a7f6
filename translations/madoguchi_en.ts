<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
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
    <name>MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.ui" line="+6" />
        <source>Madoguchi</source>
        <translation>Madoguchi</translation>
    </message>
    <message>
        <location line="+5" />
        <source>TEST PKI — test roots are trusted. Certificates shown here are not real J-LIS certificates.</source>
        <translation>TEST PKI — test roots are trusted. Certificates shown here are not real J-LIS certificates.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Test PKI warning</source>
        <translation>Test PKI warning</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+4" />
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
        <translation><numerusform>The PIN is wrong. %n try left.</numerusform><numerusform>The PIN is wrong. %n tries left.</numerusform></translation>
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
        <source>Something went wrong (%1).</source>
        <translation>Something went wrong (%1).</translation>
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
    <name>madoguchi::gui::CardView</name>
    <message>
        <location filename="../src/gui/CardView.cpp" line="+36" />
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
        <source>✔ Certificate chain verified (J-LIS). Revocation not checked yet.</source>
        <translation>✔ Certificate chain verified (J-LIS). Revocation not checked yet.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✔ Certificate chain verified against a TEST root. Revocation not checked yet.</source>
        <translation>✔ Certificate chain verified against a TEST root. Revocation not checked yet.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✖ Certificate not accepted: %1</source>
        <translation>✖ Certificate not accepted: %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Certificate chain not checked.</source>
        <translation>Certificate chain not checked.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1
(reader: %2)</source>
        <translation>%1
(reader: %2)</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::MainWindow</name>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="+19" />
        <source>&amp;Card</source>
        <translation>&amp;Card</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Madoguchi — TEST PKI</source>
        <translation>Madoguchi — TEST PKI</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Card removed from %1</source>
        <translation>Card removed from %1</translation>
    </message>
    <message>
        <location line="+16" />
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
    <name>main</name>
    <message>
        <location filename="../src/app/madoguchi/AppOptions.cpp" line="+11" />
        <source>Madoguchi — the JPKI counter tool</source>
        <translation>Madoguchi — the JPKI counter tool</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Use the training reader with demo cards.</source>
        <translation>Use the training reader with demo cards.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Language: ja or en.</source>
        <translation>Language: ja or en.</translation>
    </message>
    <message>
        <location line="+3" />
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
        <location line="+12" />
        <source>Unknown language: %1 (use ja or en)</source>
        <translation>Unknown language: %1 (use ja or en)</translation>
    </message>
    <message>
        <location filename="../src/app/madoguchi/main.cpp" line="+93" />
        <source>Madoguchi cannot start: %1</source>
        <translation>Madoguchi cannot start: %1</translation>
    </message>
</context>
</TS>