import type { Messages } from './en';

/** Japanese. Typed against English, so a missing or extra key fails the build. */
export const ja: Messages = {
  app: {
    title: 'Cognito IAM コンソール',
    nav: {
      label: 'メイン',
      home: 'ホーム',
      account: 'アクセス情報',
      adminAccess: '管理: アクセス',
      adminAnnouncements: '管理: お知らせ',
    },
    language: '言語',
    languages: { en: 'English', ja: '日本語' },
    loading: '読み込み中…',
    cancel: 'キャンセル',
    signedInAs: '{{email}} でサインイン中',
    notFound: 'このアドレスのページはありません。',
    goHome: 'ホームへ',
  },
  form: {
    email: 'メールアドレス',
    password: 'パスワード',
    newPassword: '新しいパスワード',
    confirmNewPassword: '新しいパスワード（確認）',
    currentPassword: '現在のパスワード',
    code: '確認コード',
    passwordsDiffer:
      '2 つの新しいパスワードが一致しません。同じパスワードを 2 回入力してください。',
    required: '{{field}}を入力してください。',
  },
  signIn: {
    heading: 'サインイン',
    submit: 'サインイン',
    restoring: '既存のセッションを確認しています…',
    forgot: 'パスワードをお忘れですか？',
    passwordChanged: 'パスワードを再設定しました。新しいパスワードでサインインしてください。',
    signedOut: 'サインアウトしました。',
  },
  newPassword: {
    heading: '新しいパスワードを設定',
    intro:
      'このパスワードは管理者が設定したものです。サインインを完了するには、ご自身のパスワードを設定してください。',
    submit: '新しいパスワードを設定',
  },
  forgotPassword: {
    heading: 'パスワードの再設定',
    intro: 'メールアドレスを入力すると、確認コードをお送りします。',
    sendCode: 'コードを送信',
    codeSent:
      '{{destination}} にコードを送信しました。コードと新しいパスワードを入力してください。',
    submit: 'パスワードを再設定',
    backToSignIn: 'サインインに戻る',
    resend: 'コードを再送信',
  },
  changePassword: {
    heading: 'パスワードの変更',
    submit: 'パスワードを変更',
    done: 'パスワードを変更しました。',
  },
  signOut: {
    submit: 'サインアウト',
    partial:
      'この端末ではサインアウトしましたが、サインインサービスにセッション終了を通知できませんでした: {{reason}}',
  },
  session: {
    heading: 'アクセス情報',
    intro: 'このブラウザーのサインイン中のユーザーと、ID プールから得た認証情報です。',
    email: 'メールアドレス',
    groups: 'グループ',
    noGroups: 'なし',
    role: 'ロール',
    noRole: 'なし（ロールのあるグループに属していません）',
    identityId: 'アイデンティティ ID',
    accessKey: 'アクセスキー',
    credentialsExpire: '認証情報の有効期限',
    notObtained: '未取得',
    refresh: 'アクセス権を更新',
    refreshHelp:
      '管理者がグループへの追加や削除を行った後、新しいトークンと認証情報を取得し、サインアウトせずに変更を反映します。',
    refreshed: 'アクセス権は最新です。',
    changePassword: 'パスワードを変更',
    failed: 'サインインしましたが、セッションを読み込めませんでした: {{reason}}',
  },
  guard: {
    needGroupHeading: '{{group}} グループが必要です',
    needGroup:
      'このページは {{group}} グループのメンバー向けですが、あなたはこのグループに属していません。管理者に追加を依頼し、その後アクセス権を更新してください。',
  },
  authErrors: {
    noRole:
      'サインインしましたが、ID プールでアクセスを得られるグループに属していません。管理者にグループへの追加を依頼し、もう一度サインインしてください。',
    temporaryPasswordExpired:
      '仮パスワードの有効期限が切れています。管理者にパスワードのリセットを依頼してください。',
    cannotResetPassword:
      'このアカウントはまだパスワードを再設定できません。まず送られてきた仮パスワードでサインインしてください。',
    incorrectCredentials: 'メールアドレスまたはパスワードが正しくありません。',
    userDisabled: 'このアカウントは無効になっています。管理者に有効化を依頼してください。',
    attemptsExceeded: 'パスワードの誤りが多すぎます。数分待ってからもう一度お試しください。',
    sessionExpired:
      'サインインに時間がかかりすぎたため期限切れになりました。最初からやり直してください。',
    refreshRevoked: 'セッションが終了しました。もう一度サインインしてください。',
    userNotFound: 'このメールアドレスのアカウントはありません。',
    passwordResetRequired:
      '管理者がパスワードをリセットしました。「パスワードをお忘れですか？」から新しいパスワードを設定してください。',
    passwordTooShort: 'パスワードが短すぎます。8 文字以上にしてください。',
    passwordNeedsLowercase: 'パスワードに小文字を含めてください。',
    passwordNeedsUppercase: 'パスワードに大文字を含めてください。',
    passwordNeedsNumber: 'パスワードに数字を含めてください。',
    passwordNeedsSymbol: 'パスワードに ! や # などの記号を含めてください。',
    passwordInvalid:
      'パスワードが条件を満たしていません。大文字・小文字・数字・記号を含む 8 文字以上にしてください。',
    wrongCurrentPassword: '現在のパスワードが正しくありません。',
    codeMismatch:
      '確認コードが正しくありません。最新のメッセージを確認して、もう一度お試しください。',
    codeExpired: '確認コードの有効期限が切れています。新しいコードを請求してください。',
    limitExceeded: '試行回数が多すぎます。しばらく待ってからもう一度お試しください。',
    tooManyRequests: 'サインインサービスが混み合っています。少し待ってからもう一度お試しください。',
    invalidParameter:
      'サインインサービスが入力内容を受け付けませんでした。内容を確認して、もう一度お試しください。',
    network:
      'サインインサービスに接続できませんでした。接続を確認して（ローカルでは `npm start` が動いていることも確認して）、もう一度お試しください。',
    notSignedIn: 'サインインしていません。もう一度サインインしてください。',
    enterEmail: 'メールアドレスを入力してください。',
    enterPassword: 'パスワードを入力してください。',
    enterNewPassword: '新しいパスワードを入力してください。',
    enterCode: '確認コードを入力してください。',
    unsupportedStep:
      'このアカウントには、コンソールがまだ対応していないサインイン手順が必要です（{{step}}）。',
    unknown: '問題が発生しました（{{name}}）。もう一度お試しください。',
  },
  api: {
    explanations: {
      MissingAuthenticationToken:
        'リクエストが署名されていないか、この API にこのメソッドとパスがありません。URL（ステージを含む）と、呼び出しが署名付き fetch を通っていることを確認してください。',
      IncompleteSignature:
        'Authorization ヘッダーが完全な SigV4 署名ではありません。execute-api 用に SigV4 で署名してください。',
      InvalidSignature:
        '署名がリクエストと一致しません。署名後に何か（プロキシ、書き換えられた Host、再エンコードされたクエリ）が変更したか、別のリージョンやサービス用に署名されています。',
      SignatureExpired:
        'AWS の時刻と 5 分以上ずれた時刻で署名されました。この端末の時計を確認してください。小さなずれはコンソールが自動で補正します。',
      UnrecognizedClient:
        'AWS がこの認証情報を認識しません。サインアウトしてもう一度サインインし、新しい認証情報を取得してください。',
      ExpiredToken:
        '一時的な認証情報の有効期限が切れています。「アクセス権を更新」を使うか、もう一度サインインしてください。',
      AccessDenied:
        'あなたの IAM ロールではこのルートを呼び出せません。グループのロールが許可していません。管理者に適切なグループへの追加を依頼し、その後「アクセス権を更新」を使ってください。',
      Unauthorized: 'API がサインイン情報を受け付けませんでした。もう一度サインインしてください。',
      TokenExpired: 'サインインの有効期限が切れました。もう一度サインインしてください。',
      Forbidden: 'API がこの呼び出し元を拒否しました。',
      Throttled: 'リクエストが多すぎます。少し待ってからもう一度お試しください。',
      GatewayFault:
        'API が応答できませんでした。もう一度お試しください。失敗が続く場合は API のログを確認してください。',
      Handler: 'API がリクエストを拒否しました。',
      CloudFrontHost:
        '管理 API が CloudFront 経由で呼び出されました。CloudFront は Host ヘッダーを書き換えるため、署名は一致しません。管理 API は execute-api のアドレス（config.json の adminApiUrl）で呼び出してください。',
    },
    requestId: 'リクエスト ID: {{requestId}}',
    failed: 'リクエストが失敗しました（{{status}}）: {{message}}',
    network: 'API に接続できませんでした。接続を確認して、もう一度お試しください。',
    badResponse:
      'API が想定外の形式で応答しました。コンソールと API のバージョンが異なる可能性があります。',
  },
  admin: {
    access: {
      heading: 'アクセス',
      whoamiHeading: '管理 API から見た呼び出し元',
      callerArn: '呼び出し元',
      username: 'ユーザー',
      sourceIp: '送信元 IP',
    },
    announcements: {
      heading: 'お知らせ',
      title: 'タイトル',
      body: '本文',
      post: 'お知らせを投稿',
      posted: 'お知らせを投稿しました。',
      remove: '「{{title}}」を削除',
      removed: 'お知らせを削除しました。',
      confirmRemove: 'お知らせ「{{title}}」を削除しますか？ 利用者には表示されなくなります。',
      empty: 'お知らせはまだありません。',
      by: '{{author}}、{{date}}',
    },
  },
  home: {
    heading: 'ホーム',
    announcements: 'お知らせ',
    empty: 'お知らせはまだありません。',
  },
};
