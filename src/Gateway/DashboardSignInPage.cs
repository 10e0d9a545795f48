namespace UserGraph.Gateway;

/// <summary>The sign-in page: the token goes in a header from script, never into a URL or a form post.</summary>
internal static class DashboardSignInPage
{
    public static readonly string Html = $$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>User graph dashboard: operator sign-in</title>
          <style>
            body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }
            textarea { width: 100%; height: 8rem; font-family: monospace; }
            #message { color: #b00020; }
          </style>
        </head>
        <body>
          <h1>Dashboard sign-in</h1>
          <p>Paste an operator token (scope <code>{{GraphAdminPolicy.Scope}}</code> or role <code>{{GraphAdminPolicy.Role}}</code>).
             It is kept in a cookie for this dashboard only, for {{DashboardSession.LifetimeMinutes}} minutes at most.</p>
          <form id="sign-in">
            <label for="token">Operator token</label>
            <textarea id="token" name="token" required autocomplete="off" spellcheck="false"></textarea>
            <p><button type="submit">Open the dashboard</button></p>
          </form>
          <p id="message" role="alert"></p>
          <script>
            document.getElementById('sign-in').addEventListener('submit', async event => {
              event.preventDefault();
              const token = document.getElementById('token').value.trim();
              const answer = await fetch('{{DashboardSession.SignInPath}}', { method: 'POST', headers: { Authorization: 'Bearer ' + token } });
              if (answer.ok) {
                location.assign('{{DashboardSession.DashboardPath}}/');
                return;
              }
              const problem = await answer.json().catch(() => ({}));
              document.getElementById('message').textContent =
                answer.status + ' ' + (problem.title || answer.statusText) + (problem.detail ? ': ' + problem.detail : '');
            });
          </script>
        </body>
        </html>
        """;
}
