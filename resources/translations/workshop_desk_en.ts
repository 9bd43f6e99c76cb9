<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_TW">
<context>
    <name>MainWindow</name>
    <message>
        <source>場次</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>場次：</source>
        <translation>Session:</translation>
    </message>
    <message>
        <source>資料庫：{path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>檔案(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>開啟資料庫…</source>
        <translation>Open database…</translation>
    </message>
    <message>
        <source>開啟示範活動</source>
        <translation>Open the demo event</translation>
    </message>
    <message>
        <source>新增場次…</source>
        <translation>New session…</translation>
    </message>
    <message>
        <source>結束</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>檢視(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>說明(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>關於研習報到台</source>
        <translation>About Workshop Desk</translation>
    </message>
    <message>
        <source>開啟資料庫</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>研習報到台資料庫 (*.sqlite3 *.db);;所有檔案 (*)</source>
        <translation>Workshop Desk databases (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <source>研習報到台 Workshop Desk {version}
離線運作的研習活動報到與管理工具。</source>
        <translation>Workshop Desk 研習報到台 {version}
Runs a training workshop day, offline: registrations, check-in, tables, agenda and reports.</translation>
    </message>
</context>
<context>
    <name>NewEventDialog</name>
    <message>
        <source>建立新活動</source>
        <translation>Create a new event</translation>
    </message>
    <message>
        <source>例：參與式預算實務應用培訓班</source>
        <translation>e.g. Participatory Budgeting in Practice</translation>
    </message>
    <message>
        <source>例：國家發展委員會</source>
        <translation>e.g. National Development Council</translation>
    </message>
    <message>
        <source>通關密語用來加密學員的身分證字號，查看時需要輸入；請妥善保管，遺失後無法復原。至少 {n} 個字元。</source>
        <translation>The passphrase encrypts the attendees&apos; ID numbers and is needed to read them. Keep it safe: it cannot be recovered. At least {n} characters.</translation>
    </message>
    <message>
        <source>活動名稱</source>
        <translation>Event name</translation>
    </message>
    <message>
        <source>主辦單位</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>執行單位（可空白）</source>
        <translation>Executing agency (optional)</translation>
    </message>
    <message>
        <source>通關密語</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>再次輸入通關密語</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <source>同時建立第一個場次（也可以稍後再新增）</source>
        <translation>Also create the first session (you can add sessions later)</translation>
    </message>
    <message>
        <source>第一個場次</source>
        <translation>First session</translation>
    </message>
    <message>
        <source>建立</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <source>新增場次</source>
        <translation>New session</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <source>時間</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>議程</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>類型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>主講人</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>計入時數</source>
        <translation>Counts for hours</translation>
    </message>
    <message>
        <source>順位</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>服務機關</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>單位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>職稱</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>狀態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>桌號</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>用餐</source>
        <translation>Meal</translation>
    </message>
    <message>
        <source>名單</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>總覽</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>尚無場次。請由「檔案」選單新增場次，或開啟示範活動、其他資料庫。</source>
        <translation>No session yet. Add one with File → New session…, or open the demo event or another database from the File menu.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;&#x3000;{date} {start}–{end}&lt;br&gt;{venue}（{address}）&lt;br&gt;名額 {capacity}，每機關 {limit} 名&#x3000;·&#x3000;已錄取 {admitted}&#x3000;候補 {waitlisted}&#x3000;已取消 {cancelled}&#x3000;現場報名 {walk_in}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;  {date} {start}–{end}&lt;br&gt;{venue} ({address})&lt;br&gt;{capacity} places, at most {limit} per agency  ·  admitted {admitted}  waiting list {waitlisted}  cancelled {cancelled}  walk-in {walk_in}</translation>
    </message>
</context>
<context>
    <name>SessionForm</name>
    <message>
        <source>例：臺北場次</source>
        <translation>e.g. Taipei session</translation>
    </message>
    <message>
        <source>例：國家發展委員會 707 會議室</source>
        <translation>e.g. National Development Council, room 707</translation>
    </message>
    <message>
        <source>場次名稱</source>
        <translation>Session name</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>上課時間</source>
        <translation>Class time</translation>
    </message>
    <message>
        <source>地點</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>名額</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>每機關上限</source>
        <translation>Limit per agency</translation>
    </message>
</context>
<context>
    <name>WelcomeWindow</name>
    <message>
        <source>{app} — 開始使用</source>
        <translation>{app} — Getting started</translation>
    </message>
    <message>
        <source>歡迎使用研習報到台</source>
        <translation>Welcome to Workshop Desk</translation>
    </message>
    <message>
        <source>這台電腦還沒有活動資料。請選擇要怎麼開始：</source>
        <translation>There is no event on this computer yet. How would you like to start?</translation>
    </message>
    <message>
        <source>開啟示範活動</source>
        <translation>Open the demo event</translation>
    </message>
    <message>
        <source>參與式預算實務應用培訓班（臺北、臺南、臺中三個場次），可放心練習操作。</source>
        <translation>Participatory Budgeting in Practice (three sessions: Taipei, Tainan, Taichung) — safe to practise on.</translation>
    </message>
    <message>
        <source>建立新活動</source>
        <translation>Create a new event</translation>
    </message>
    <message>
        <source>輸入活動名稱、主辦單位與通關密語，並可同時建立第一個場次。</source>
        <translation>Enter the event&apos;s name, organiser and passphrase, and optionally its first session.</translation>
    </message>
    <message>
        <source>開啟既有的資料庫檔案</source>
        <translation>Open an existing database file</translation>
    </message>
    <message>
        <source>開啟其他電腦或先前建立的研習報到台資料庫（.sqlite3）。</source>
        <translation>Open a Workshop Desk database (.sqlite3) from another computer or made earlier.</translation>
    </message>
    <message>
        <source>新活動的資料庫將存放於：{path}</source>
        <translation>A new event&apos;s database is kept in: {path}</translation>
    </message>
    <message>
        <source>開啟資料庫</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>研習報到台資料庫 (*.sqlite3 *.db);;所有檔案 (*)</source>
        <translation>Workshop Desk databases (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <source>無法建立資料庫</source>
        <translation>Cannot create the database</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>無法開啟資料庫</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>發生未預期的錯誤</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>程式發生未預期的錯誤，已記錄於：
{log_file}

{summary}

已儲存的資料不受影響；若畫面異常，請重新啟動程式。</source>
        <translation>An unexpected error occurred. It was recorded in:
{log_file}

{summary}

Saved data is not affected; if the window looks wrong, restart the program.</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>介面語言 Language</source>
        <translation>Language 介面語言</translation>
    </message>
    <message>
        <source>語言設定已儲存，重新啟動程式後生效。
The language applies after a restart.</source>
        <translation>The language setting is saved and applies after a restart.
語言設定已儲存，重新啟動程式後生效。</translation>
    </message>
</context>
<context>
    <name>welcome</name>
    <message>
        <source>場次名稱</source>
        <translation>Session name</translation>
    </message>
    <message>
        <source>活動名稱</source>
        <translation>Event name</translation>
    </message>
    <message>
        <source>主辦單位</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>通關密語</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>再次輸入通關密語</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <source>地點</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>結束時間</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>名額</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>每機關上限</source>
        <translation>Limit per agency</translation>
    </message>
    <message>
        <source>必須填寫</source>
        <translation>is required</translation>
    </message>
    <message>
        <source>太長</source>
        <translation>is too long</translation>
    </message>
    <message>
        <source>至少需要 {n} 個字元</source>
        <translation>needs at least {n} characters</translation>
    </message>
    <message>
        <source>兩次輸入不一致</source>
        <translation>the two entries differ</translation>
    </message>
    <message>
        <source>必須晚於開始時間</source>
        <translation>must be later than the start time</translation>
    </message>
    <message>
        <source>至少為 1</source>
        <translation>must be at least 1</translation>
    </message>
    <message>
        <source>不能大於名額</source>
        <translation>cannot exceed the number of places</translation>
    </message>
    <message>
        <source>已有同名的場次</source>
        <translation>a session with this name exists</translation>
    </message>
    <message>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <source>新增場次</source>
        <translation>New session</translation>
    </message>
    <message>
        <source>這個資料庫還沒有活動；請先建立活動。</source>
        <translation>This database has no event yet; create an event first.</translation>
    </message>
</context>
</TS>
