using System;
using System.Collections.Generic;
using System.Security;
using System.Threading.Tasks;

namespace ScalekitAuth0.Http
{
    /// <summary>A token the user already has (Auth0's API Explorer token): used as is, never refreshed.</summary>
    internal sealed class StaticTokenSource : ITokenSource
    {
        private readonly SecureString _token;

        public StaticTokenSource(SecureString token)
        {
            _token = token;
            var text = Secret.Reveal(token);
            GrantedScopes = JwtClaims.Scopes(text);
            ExpiresOn = JwtClaims.ExpiresOn(text);
        }

        public bool CanRefresh => false;

        public IReadOnlyCollection<string> GrantedScopes { get; }

        public DateTimeOffset? ExpiresOn { get; }

        public Task<string> GetTokenAsync(Operation operation) => Task.FromResult(Secret.Reveal(_token));

        public void Invalidate(string token)
        {
        }
    }
}
