<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>CardView</name>
    <message>
        <location filename="../ui/CardView.ui" line="+12" />
        <source>Place a My Number Card on the reader.</source>
        <translation>マイナンバーカードをリーダーに置いてください。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Reading the card…</source>
        <translation>カードを読み取っています…</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Kind of card</source>
        <translation>カードの種類</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Issuer key ID</source>
        <translation>発行者鍵ID</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Certificate serial</source>
        <translation>証明書シリアル番号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Valid</source>
        <translation>有効期間</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reader</source>
        <translation>リーダー</translation>
    </message>
</context>
<context>
    <name>DemoCardNames</name>
    <message>
        <location filename="../src/gui/DemoCardNames.cpp" line="+13" />
        <source>Valid card</source>
        <translation>有効なカード</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Moved (signing certificate revoked, reason 3)</source>
        <translation>転居（署名用電子証明書失効、理由 3）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lost card (both certificates revoked, reason 1)</source>
        <translation>紛失（両方の証明書失効、理由 1）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Renewed card (new serial)</source>
        <translation>更新後のカード（新しいシリアル番号）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Card before renewal (superseded, reason 4)</source>
        <translation>更新前のカード（更新による失効、理由 4）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Expired certificates</source>
        <translation>有効期限切れの証明書</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Face-authentication card (no PINs)</source>
        <translation>顔認証マイナンバーカード（暗証番号なし）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Long address with substitute characters</source>
        <translation>代替文字を含む長い住所</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PIN with one try left</source>
        <translation>暗証番号の残り回数 1 回</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Old Basic Resident Register card</source>
        <translation>住民基本台帳カード（旧）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Holder under 15 (no signing certificate)</source>
        <translation>15 歳未満（署名用電子証明書なし）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.ui" line="+6" />
        <source>Madoguchi</source>
        <translation>窓口 Madoguchi</translation>
    </message>
    <message>
        <location line="+5" />
        <source>TEST PKI — test roots are trusted. Certificates shown here are not real J-LIS certificates.</source>
        <translation>テスト用 PKI — テスト用のルート証明書を信頼しています。ここに表示される証明書は J-LIS の本物の証明書ではありません。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Test PKI warning</source>
        <translation>テスト用 PKI の警告</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Pages</source>
        <translation>ページ</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;About Madoguchi</source>
        <translation>Madoguchi について(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../src/gui/Messages.cpp" line="+21" />
        <source>The smart card service is not running. Start it (pcscd / Smart Card service) or use the training reader.</source>
        <translation>スマートカードサービスが動いていません。サービス（pcscd / Smart Card）を起動するか、研修用リーダーを使ってください。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No card reader is connected. Connect a reader or use the training reader.</source>
        <translation>カードリーダーが接続されていません。リーダーを接続するか、研修用リーダーを使ってください。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The card reader is no longer available. Check its cable.</source>
        <translation>カードリーダーが使えなくなりました。ケーブルを確認してください。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>There is no card on the reader.</source>
        <translation>リーダーにカードがありません。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The card was removed during reading. Put it back on the reader; nothing was changed.</source>
        <translation>読み取り中にカードが取り外されました。カードをリーダーに戻してください。何も変更されていません。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The card did not answer properly. Put it on the reader again.</source>
        <translation>カードが正しく応答しませんでした。もう一度リーダーに置いてください。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Another program is using the card. Close it and try again.</source>
        <translation>別のプログラムがカードを使用中です。そのプログラムを閉じてからやり直してください。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This is not a My Number Card (no public personal authentication application).</source>
        <translation>マイナンバーカードではありません（公的個人認証のアプリケーションがありません）。</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>The PIN is wrong. %n tries left.</source>
        <translation><numerusform>暗証番号が違います。残り %n 回です。</numerusform></translation>
    </message>
    <message>
        <location line="+0" />
        <source>The PIN is wrong.</source>
        <translation>暗証番号が違います。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The PIN is blocked. The resident must have it reset at their municipal office.</source>
        <translation>暗証番号がロックされています。住民の方に市区町村の窓口で初期化の手続きをしていただく必要があります。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This card has no PIN (face-authentication card). PIN-based proof is not possible; use the photo check where your office is approved.</source>
        <translation>このカードには暗証番号がありません（顔認証マイナンバーカード）。暗証番号による本人確認はできません。認められた窓口では顔写真による確認を行ってください。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The PIN does not have the right form (4 digits; signing password 6–16 letters A–Z and digits).</source>
        <translation>暗証番号の形式が正しくありません（数字 4 桁。署名用パスワードは英大文字 A～Z と数字で 6～16 文字）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Only one try is left. Ask the resident to confirm before entering the PIN.</source>
        <translation>残り 1 回です。暗証番号を入力する前に住民の方に確認してください。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This card has no signing certificate (face-authentication card or holder under 15). This is normal for such cards.</source>
        <translation>このカードには署名用電子証明書がありません（顔認証マイナンバーカードまたは 15 歳未満の方）。このようなカードでは正常な状態です。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The certificate has expired.</source>
        <translation>証明書の有効期限が切れています。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The certificate is not valid yet.</source>
        <translation>証明書はまだ有効期間前です。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The certificate has been revoked.</source>
        <translation>証明書は失効しています。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The revocation status could not be determined; the card is not treated as valid.</source>
        <translation>失効状態を確認できませんでした。このカードは有効として扱いません。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The certificate was not issued by a trusted J-LIS authority.</source>
        <translation>証明書は信頼できる J-LIS の認証局が発行したものではありません。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A signature did not verify.</source>
        <translation>署名を検証できませんでした。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The card returned data that is not valid.</source>
        <translation>カードから正しくないデータが返されました。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The operation took too long and was stopped.</source>
        <translation>処理に時間がかかりすぎたため中止しました。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The database key is wrong, or the file is not a Madoguchi database.</source>
        <translation>データベースの鍵が違うか、Madoguchi のデータベースではありません。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Something went wrong (%1).</source>
        <translation>問題が発生しました（%1）。</translation>
    </message>
</context>
<context>
    <name>ReaderPanel</name>
    <message>
        <location filename="../ui/ReaderPanel.ui" line="+8" />
        <source>&amp;Readers</source>
        <translation>リーダー(&amp;R)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Card readers</source>
        <translation>カードリーダー</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Training reader</source>
        <translation>研修用リーダー</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Demo card</source>
        <translation>デモカード</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Insert card</source>
        <translation>カードを挿入(&amp;I)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Re&amp;move card</source>
        <translation>カードを取り外す(&amp;M)</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::CardView</name>
    <message>
        <location filename="../src/gui/CardView.cpp" line="+36" />
        <source>Reading the card on %1…</source>
        <translation>%1 のカードを読み取っています…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>My Number Card</source>
        <translation>マイナンバーカード</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Basic Resident Register card (old)</source>
        <translation>住民基本台帳カード（旧）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Smartphone JPKI</source>
        <translation>スマートフォン用電子証明書</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unknown JPKI token</source>
        <translation>不明な JPKI トークン</translation>
    </message>
    <message>
        <location line="+4" />
        <source> — face-authentication card (no PINs, no signing certificate)</source>
        <translation> — 顔認証マイナンバーカード（暗証番号・署名用電子証明書なし）</translation>
    </message>
    <message>
        <location line="+9" />
        <source>✔ Certificate chain verified (J-LIS). Revocation not checked yet.</source>
        <translation>✔ 証明書チェーンを検証しました（J-LIS）。失効はまだ確認していません。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✔ Certificate chain verified against a TEST root. Revocation not checked yet.</source>
        <translation>✔ テスト用ルートで証明書チェーンを検証しました。失効はまだ確認していません。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>✖ Certificate not accepted: %1</source>
        <translation>✖ 証明書を受け付けられません: %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Certificate chain not checked.</source>
        <translation>証明書チェーンは未検証です。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1 – %2</source>
        <translation>%1 ～ %2</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1
(reader: %2)</source>
        <translation>%1
（リーダー: %2）</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::MainWindow</name>
    <message>
        <location filename="../src/gui/MainWindow.cpp" line="+19" />
        <source>&amp;Card</source>
        <translation>カード(&amp;C)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Madoguchi — TEST PKI</source>
        <translation>窓口 Madoguchi — テスト用 PKI</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Card removed from %1</source>
        <translation>%1 からカードが取り外されました</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Card read from %1</source>
        <translation>%1 のカードを読み取りました</translation>
    </message>
    <message>
        <location line="+11" />
        <source>About Madoguchi</source>
        <translation>Madoguchi について</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;p&gt;&lt;b&gt;Madoguchi&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;The counter tool of the JPKI common platform: read My Number Cards, prove the holder, register linkages.&lt;/p&gt;&lt;p&gt;Madoguchi never reads, stores or logs the individual number (My Number).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;窓口 Madoguchi&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;公的個人認証の共通プラットフォームの窓口ツールです。マイナンバーカードを読み取り、本人を確認し、紐付けを登録します。&lt;/p&gt;&lt;p&gt;Madoguchi は個人番号（マイナンバー）を読み取らず、保存せず、記録しません。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>madoguchi::gui::ReaderListModel</name>
    <message>
        <location filename="../src/gui/ReaderListModel.cpp" line="+30" />
        <source>Card does not respond</source>
        <translation>カードが応答しません</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Card in use by another program</source>
        <translation>別のプログラムがカードを使用中</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Card present</source>
        <translation>カードあり</translation>
    </message>
    <message>
        <location line="+0" />
        <source>No card</source>
        <translation>カードなし</translation>
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
        <translation>リーダーが見つかりません。カードリーダーを接続してください。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/app/madoguchi/AppOptions.cpp" line="+11" />
        <source>Madoguchi — the JPKI counter tool</source>
        <translation>窓口 Madoguchi — 公的個人認証の窓口ツール</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Use the training reader with demo cards.</source>
        <translation>デモカード付きの研修用リーダーを使う。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Language: ja or en.</source>
        <translation>表示言語: ja または en。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Training: insert this demo card at start.</source>
        <translation>研修: 起動時にこのデモカードを挿入する。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Save a screenshot and quit.</source>
        <translation>スクリーンショットを保存して終了する。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Directory for local data.</source>
        <translation>ローカルデータのディレクトリ。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Unknown language: %1 (use ja or en)</source>
        <translation>不明な言語: %1（ja または en を指定してください）</translation>
    </message>
    <message>
        <location filename="../src/app/madoguchi/main.cpp" line="+93" />
        <source>Madoguchi cannot start: %1</source>
        <translation>Madoguchi を起動できません: %1</translation>
    </message>
</context>
</TS>