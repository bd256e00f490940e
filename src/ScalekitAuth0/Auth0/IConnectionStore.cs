using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ScalekitAuth0.Http;

namespace ScalekitAuth0.Auth0
{
    /// <summary>Reading and writing one connection: all the read-merge-write of its options needs, and what a test replaces to play a concurrent writer.</summary>
    internal interface IConnectionStore
    {
        Task<Auth0Connection> GetConnectionAsync(string id, Operation operation);

        Task<Auth0Connection> UpdateConnectionAsync(string id, JObject body, Operation operation);
    }
}
